/**
 * Rewrites a file atomically: the new text goes to a temporary file beside it, which then replaces the original by
 * rename — so a failure part-way (a full disk, a file-size limit, a permission problem) leaves the original whole.
 * The original's permission bits are kept; a symbolic link is followed, so the link stays a link.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Plain words for the usual reasons a write fails. */
function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'the file would exceed the file-size limit';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOENT':
      return 'no such file or folder';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Replaces `path`'s content with `text` (UTF-8), or creates it. Never throws: a failure comes back as a message, the file untouched. */
export function writeFileAtomic(path: string, text: string): WriteResult {
  let target = path;
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    // A new file (no original to keep the bits of) is created with the umask's usual bits.
    let mode: number | undefined;
    try {
      target = realpathSync(path);
      mode = statSync(target).mode & 0o7777;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    if (mode !== undefined) fchmodSync(fd, mode); // exactly the original's bits, whatever the umask
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    tmp = undefined;
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `cannot write (${describeWriteError(e)}); the file is unchanged` };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already reporting the first failure
      }
    }
    if (tmp !== undefined) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was created
      }
    }
  }
}
