-- Drives Neovim's own LSP client with the repository's config (editors/neovim/opmodel.lua):
-- opens an element, asks for hover, definition, diagnostics and completion, and writes what
-- Neovim got to $OPMODEL_NVIM_OUT as JSON. Run headless by test/lsp/neovim.test.ts.
local out = {}
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('OPMODEL_NVIM_OUT'))
  vim.cmd('qall!')
end
local function fail(message)
  out.error = message
  finish()
end

vim.g.opmodel_cmd = vim.fn.json_decode(os.getenv('OPMODEL_CMD'))
dofile(os.getenv('OPMODEL_CONFIG'))
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('OPMODEL_FILE')))
local bufnr = vim.api.nvim_get_current_buf()

local client
if not vim.wait(30000, function()
  client = vim.lsp.buf_get_clients(bufnr)[1] or vim.tbl_values(vim.lsp.buf_get_clients(bufnr))[1]
  return client ~= nil and client.initialized
end, 20) then return fail('the opmodel client did not start') end
out.client = { name = client.name, offset_encoding = client.offset_encoding, position_encoding = client.server_capabilities.positionEncoding }

local function find(line, needle)
  local text = vim.api.nvim_buf_get_lines(bufnr, line - 1, line, true)[1]
  local s = text:find(needle, 1, true)
  return s - 1 -- 0-based byte column
end
local function request(method, params)
  local answers = vim.lsp.buf_request_sync(bufnr, method, params, 20000)
  for _, a in pairs(answers or {}) do
    if a.error then return { error = a.error.message } end
    return a.result
  end
end

-- Hover on GOV4 in the level-3 maturity line the test names: "3. **Defined** — ... into GOV4." (an em dash before it).
local hover_line = tonumber(os.getenv('OPMODEL_HOVER_LINE'))
local col = find(hover_line, 'GOV4')
vim.api.nvim_win_set_cursor(0, { hover_line, col + 1 })
local hover = request('textDocument/hover', vim.lsp.util.make_position_params())
out.hover = { byte_col = col, value = hover and hover.contents.value, range = hover and hover.range }

-- Type a line with an unknown ID after non-ASCII text, through the buffer (didChange).
local last = vim.api.nvim_buf_line_count(bufnr)
vim.api.nvim_buf_set_lines(bufnr, last, last, true, { '', 'Café 🚀 — see FLM99, FLM5 and FL' })
local typed = last + 2
if not vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.lnum == typed - 1 then return true end
  end
  return false
end, 20) then return fail('no diagnostics for the typed line') end
out.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code, message = d.message })
end
out.typed = { line = typed, flm99 = find(typed, 'FLM99'), flm5 = find(typed, 'FLM5') }

-- Completion at the end of the typed line, after "FL" (where the cursor is in insert mode).
vim.o.virtualedit = 'onemore'
local line_text = vim.api.nvim_buf_get_lines(bufnr, typed - 1, typed, true)[1]
vim.api.nvim_win_set_cursor(0, { typed, #line_text })
local completion = request('textDocument/completion', vim.lsp.util.make_position_params())
out.completion = { labels = {}, range = nil }
for _, item in ipairs(completion and (completion.items or completion) or {}) do
  table.insert(out.completion.labels, item.label)
  out.completion.range = item.textEdit and item.textEdit.range
end

-- Hover after the emoji, then go to the definition of FLM5 as a user does (the client jumps).
vim.api.nvim_win_set_cursor(0, { typed, out.typed.flm5 + 1 })
local h5 = request('textDocument/hover', vim.lsp.util.make_position_params())
out.hover_after_emoji = h5 and h5.range
vim.lsp.buf.definition()
if not vim.wait(30000, function() return vim.api.nvim_buf_get_name(0):match('FLM5%.md$') ~= nil end, 20) then return fail('definition did not jump') end
local cursor = vim.api.nvim_win_get_cursor(0)
out.definition = { file = vim.api.nvim_buf_get_name(0), row = cursor[1], col = cursor[2] }

-- An assessment file (YAML) of the same framework: the same server attaches; hover on an entry's ID.
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('OPMODEL_ASSESSMENT')))
local ybuf = vim.api.nvim_get_current_buf()
local yclient
if not vim.wait(30000, function()
  yclient = vim.tbl_values(vim.lsp.buf_get_clients(ybuf))[1]
  return yclient ~= nil
end, 20) then return fail('the opmodel client did not attach to the assessment file') end
local yline = tonumber(os.getenv('OPMODEL_ASSESSMENT_LINE'))
local ycol = vim.api.nvim_buf_get_lines(ybuf, yline - 1, yline, true)[1]:find('%S') - 1
vim.api.nvim_win_set_cursor(0, { yline, ycol })
local yhover
for _, a in pairs(vim.lsp.buf_request_sync(ybuf, 'textDocument/hover', vim.lsp.util.make_position_params(), 20000) or {}) do yhover = a.result end
out.assessment = { filetype = vim.bo[ybuf].filetype, same_client = yclient.id == client.id, col = ycol, value = yhover and yhover.contents.value, range = yhover and yhover.range }
finish()
