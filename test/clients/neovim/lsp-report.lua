-- Run by test/clients/neovim.client.ts in a headless Neovim (0.7 or later): starts the language server with
-- vim.lsp.start_client, opens one document, waits for its diagnostics, asks for completion at a position, and
-- writes what the client received as JSON to a report file. Settings come from the environment:
--   EQLKIT_NVIM_CMD      JSON array: the server command (e.g. ["node", ".../eql.cjs", "lsp", "--stdio"])
--   EQLKIT_NVIM_FILE     the document to open
--   EQLKIT_NVIM_LINE     0-based line and character where completion is asked
--   EQLKIT_NVIM_CHAR
--   EQLKIT_NVIM_REPORT   where to write the report
--   EQLKIT_NVIM_TIMEOUT  milliseconds to wait for each answer
local report = { diagnostics = nil, completion = nil, errors = {} }
local report_path = os.getenv('EQLKIT_NVIM_REPORT')
local timeout = tonumber(os.getenv('EQLKIT_NVIM_TIMEOUT') or '20000')

local function finish()
  local file = io.open(report_path, 'w')
  file:write(vim.fn.json_encode(report))
  file:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local cmd = vim.fn.json_decode(os.getenv('EQLKIT_NVIM_CMD'))
  local path = os.getenv('EQLKIT_NVIM_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  if path:match('%.eql$') then vim.bo[bufnr].filetype = 'eql' end

  local client_id = vim.lsp.start_client({
    name = 'eqlkit',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(path, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result and result.uri == vim.uri_from_bufnr(bufnr) then report.diagnostics = result.diagnostics end
      end,
    },
    on_exit = function(code, signal)
      if report.completion == nil then table.insert(report.errors, 'server exited: code ' .. tostring(code) .. ', signal ' .. tostring(signal)) end
    end,
  })
  if not client_id then error('vim.lsp.start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(timeout, function() return report.diagnostics ~= nil end, 20) then
    table.insert(report.errors, 'no diagnostics within ' .. timeout .. ' ms')
  end

  local line = tonumber(os.getenv('EQLKIT_NVIM_LINE'))
  local character = tonumber(os.getenv('EQLKIT_NVIM_CHAR'))
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local responses, request_err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, timeout)
  if not responses then
    table.insert(report.errors, 'completion: ' .. tostring(request_err))
  else
    for _, response in pairs(responses) do
      if response.err then table.insert(report.errors, 'completion error: ' .. vim.inspect(response.err)) end
      if response.result then
        local items = response.result.items or response.result
        report.completion = {}
        for _, item in ipairs(items) do
          table.insert(report.completion, { label = item.label, kind = item.kind, detail = item.detail })
        end
      end
    end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(report.errors, tostring(err)) end
finish()
