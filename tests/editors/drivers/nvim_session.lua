-- Drives a headless Neovim the way a user would: the runtime path holds editors/nvim (so
-- `lsp/flask_lsp.lua` is the config Neovim reads), `vim.lsp.enable` starts flask-lsp (and,
-- when asked, jedi-language-server beside it on the same buffer), then this script waits for
-- diagnostics, hovers, applies a quick fix with vim.lsp.buf.code_action and records what it
-- saw as JSON for tests/editors/test_neovim.py to check.
--
-- Environment: FLASK_LSP_FILE (the Python file to open), FLASK_LSP_REPORT (JSON output),
-- FLASK_LSP_FIX_CODE (rule whose quick fix to apply), FLASK_LSP_HOVER_CODE (rule at whose
-- position to hover), FLASK_LSP_JEDI (jedi-language-server command, or empty),
-- FLASK_LSP_SETTINGS (JSON for the `flask-lsp` settings section, or empty).

local report = { clients = {}, diagnostics = {}, after_fix_codes = {} }
local TIMEOUT = 30000

local function flask_diagnostics(buf)
  return vim.tbl_filter(function(d)
    return d.source == 'flask-lsp'
  end, vim.diagnostic.get(buf))
end

local function find(diagnostics, code)
  for _, d in ipairs(diagnostics) do
    if d.code == code then
      return d
    end
  end
end

local function hover_text(client, buf, lnum, col)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = { line = lnum, character = col },
  }
  local response = client:request_sync('textDocument/hover', params, TIMEOUT, buf)
  if response == nil or response.err ~= nil or response.result == nil then
    return vim.NIL
  end
  local contents = response.result.contents
  if type(contents) == 'table' and contents.value ~= nil then
    return contents.value
  end
  return vim.inspect(contents)
end

local function main()
  vim.cmd('filetype on')
  -- Headless: a menu would wait for a key forever. Record it and fail instead.
  vim.ui.select = function(items)
    error('code_action asked to choose among ' .. #items .. ' actions; expected exactly one')
  end
  local jedi = os.getenv('FLASK_LSP_JEDI') or ''
  local settings = os.getenv('FLASK_LSP_SETTINGS') or ''
  if settings ~= '' then
    -- As a user's init.lua would: merged over lsp/flask_lsp.lua.
    vim.lsp.config('flask_lsp', { settings = { ['flask-lsp'] = vim.json.decode(settings) } })
  end
  vim.lsp.enable('flask_lsp')
  if jedi ~= '' then
    vim.lsp.config('jedi_language_server', {
      cmd = { jedi },
      filetypes = { 'python' },
      root_markers = { 'pyproject.toml', '.git' },
    })
    vim.lsp.enable('jedi_language_server')
  end

  vim.cmd.edit(vim.fn.fnameescape(assert(os.getenv('FLASK_LSP_FILE'))))
  local buf = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[buf].filetype

  local wanted = jedi ~= '' and 2 or 1
  vim.wait(TIMEOUT, function()
    return #vim.lsp.get_clients({ bufnr = buf }) >= wanted
  end, 50)
  for _, c in ipairs(vim.lsp.get_clients({ bufnr = buf })) do
    table.insert(report.clients, c.name)
  end
  table.sort(report.clients)
  local flask = vim.lsp.get_clients({ bufnr = buf, name = 'flask_lsp' })[1]
  if flask == nil then
    error('flask_lsp did not attach to the buffer')
  end
  report.root_dir = flask.root_dir

  vim.wait(TIMEOUT, function()
    return #flask_diagnostics(buf) > 0
  end, 50)
  -- Settings arrive by workspace/didChangeConfiguration: let an ignored rule's findings go.
  local ignored = settings ~= '' and (vim.json.decode(settings).ignore or {}) or {}
  vim.wait(TIMEOUT, function()
    for _, code in ipairs(ignored) do
      if find(flask_diagnostics(buf), code) ~= nil then
        return false
      end
    end
    return true
  end, 50)
  for _, d in ipairs(flask_diagnostics(buf)) do
    table.insert(report.diagnostics, {
      code = d.code,
      line = d.lnum + 1,
      severity = vim.diagnostic.severity[d.severity],
      message = d.message,
    })
  end
  table.sort(report.diagnostics, function(a, b)
    return a.line < b.line
  end)

  local hover_at = find(flask_diagnostics(buf), os.getenv('FLASK_LSP_HOVER_CODE'))
  if hover_at ~= nil then
    report.hover = hover_text(flask, buf, hover_at.lnum, hover_at.col)
  end
  if jedi ~= '' then
    local other = vim.lsp.get_clients({ bufnr = buf, name = 'jedi_language_server' })[1]
    local line = vim.fn.search('Flask(', 'nw')
    if other ~= nil and line > 0 then
      local col = vim.fn.getline(line):find('Flask%(') - 1
      report.jedi_hover = hover_text(other, buf, line - 1, col)
    end
  end

  -- The quick fix, as a user gets it: cursor on the diagnostic, then code_action.
  local code = assert(os.getenv('FLASK_LSP_FIX_CODE'))
  local target = find(flask_diagnostics(buf), code)
  if target == nil then
    error('no ' .. code .. ' diagnostic to fix')
  end
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local before = vim.api.nvim_buf_get_changedtick(buf)
  vim.lsp.buf.code_action({
    context = { only = { 'quickfix' } },
    -- The preferred fix for this rule (the other quick fix adds `# noqa`).
    filter = function(action)
      local diagnostics = action.diagnostics or {}
      return action.kind == 'quickfix'
        and action.isPreferred == true
        and diagnostics[1] ~= nil
        and diagnostics[1].code == code
    end,
    apply = true,
  })
  vim.wait(TIMEOUT, function()
    return vim.api.nvim_buf_get_changedtick(buf) ~= before
  end, 50)
  report.text_after_fix = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'

  -- flask-lsp re-checks the edited buffer: the fixed diagnostic goes away.
  vim.wait(TIMEOUT, function()
    return find(flask_diagnostics(buf), code) == nil
  end, 50)
  for _, d in ipairs(flask_diagnostics(buf)) do
    table.insert(report.after_fix_codes, d.code)
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  report.error = err
end
local out = assert(io.open(assert(os.getenv('FLASK_LSP_REPORT')), 'w'))
out:write(vim.json.encode(report))
out:close()
vim.cmd('qa!')
