-- opmodel language server for Neovim 0.7 and later, without plugins.
-- Save as ~/.config/nvim/plugin/opmodel.lua. Markdown files below a folder that holds
-- opmodel.json get completion, hover, go to definition, references, rename, diagnostics,
-- code actions and code lenses from `opmodel lsp`, one server per framework; its assessment
-- files (YAML) get diagnostics, completion and hover.
-- From a clone instead of an installed opmodel:
--   vim.g.opmodel_cmd = { 'node', '/path/to/opmodel/dist/cli.js', 'lsp', '--stdio' }
local clients = {}

local function framework_root(file)
  local config = vim.fn.findfile('opmodel.json', vim.fn.fnamemodify(file, ':p:h') .. ';')
  if config == '' then return nil end
  return vim.fn.fnamemodify(config, ':p:h')
end

local function attach(bufnr)
  local root = framework_root(vim.api.nvim_buf_get_name(bufnr))
  if not root then return end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    local capabilities = vim.lsp.protocol.make_client_capabilities()
    -- Neovim counts columns in bytes: ask for UTF-8 positions.
    capabilities.general = vim.tbl_extend('force', capabilities.general or {}, { positionEncodings = { 'utf-8', 'utf-16' } })
    id = vim.lsp.start_client({
      name = 'opmodel',
      cmd = vim.g.opmodel_cmd or { 'opmodel', 'lsp', '--stdio' },
      root_dir = root,
      capabilities = capabilities,
      on_init = function(client, result)
        -- Neovim before 0.10 does not read the negotiated encoding itself.
        if result.capabilities.positionEncoding then client.offset_encoding = result.capabilities.positionEncoding end
      end,
      commands = {
        -- The "N references" code lens: its locations in the quickfix list.
        ['opmodel.showReferences'] = function(command)
          local client = vim.lsp.get_client_by_id(id)
          local items = vim.lsp.util.locations_to_items(command.arguments[3], client and client.offset_encoding or 'utf-16')
          vim.fn.setqflist({}, ' ', { title = 'opmodel references', items = items })
          vim.cmd('copen')
        end,
      },
    })
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'yaml' },
  callback = function(args) attach(args.buf) end,
})
