---@brief
---
--- flask-lsp: a language server that catches Flask mistakes (request/app context misuse,
--- routes, templates, config) while you type. It runs beside your general Python server
--- (pyright, basedpyright, pylsp, jedi_language_server, ...): Neovim attaches both to the
--- same buffer.
---
--- Install it into the environment of your project, or with pipx:
--- ```sh
--- pip install flask-lsp
--- ```
---
--- Settings (also read from `[tool.flask-lsp]` in pyproject.toml):
--- ```lua
--- vim.lsp.config('flask_lsp', {
---   settings = {
---     ['flask-lsp'] = {
---       select = { 'FL1' },                 -- rule codes or prefixes to enable
---       ignore = { 'FL105' },               -- rule codes or prefixes to switch off
---       severity = { FL402 = 'warning' },   -- per-rule severity
---       exclude = { 'migrations/**' },      -- globs of files to skip
---     },
---   },
--- })
--- ```
---
--- Everything flask-lsp reports is in diagnostics, their quick fixes (`gra`) and hover (`K`);
--- it uses no code lenses, so nothing needs a manual refresh.

---@type vim.lsp.Config
return {
  cmd = { 'flask-lsp' },
  filetypes = { 'python' },
  root_markers = {
    'pyproject.toml',
    'setup.py',
    'setup.cfg',
    'requirements.txt',
    'Pipfile',
    '.git',
  },
  settings = {
    ['flask-lsp'] = vim.empty_dict(),
  },
}
