// The language service: opens documents (one object per text version) over shared, cached analysis.
import { Analyser } from './analyser.js';
import type { DocumentKind, DocumentSettings, EqlDocument, LanguageService, ServiceEnvironment } from './api.js';
import { EqlDocumentImpl } from './document.js';

/** Creates the language service; keep one per face (it caches schemas per index list and recent analyses). */
export function createLanguageService(env: ServiceEnvironment): LanguageService {
  const analyser = new Analyser(env.bundled);
  return {
    open(uri: string, text: string, kind: DocumentKind, settings: DocumentSettings = {}): EqlDocument {
      return new EqlDocumentImpl(uri, kind, typeof text === 'string' ? text : '', settings, analyser);
    },
  };
}
