-- Headless Neovim (0.7+) as a real LSP client for bonding-language-server.
-- usage: nvim --headless -u NONE -i NONE -n -c "luafile test/nvim/lsp-test.lua" FILE
-- env: BONDING_SERVER (path to bin/bonding-language-server), EXPECT_CODE, EXPECT_LINE, COMPLETE_LINE, COMPLETE_LABEL
-- Prints one line per check and "N passed, N failed"; exits non-zero on failure.
local server = os.getenv('BONDING_SERVER')
local expect_code = os.getenv('EXPECT_CODE') or 'spaces-around-equals'
local expect_line = tonumber(os.getenv('EXPECT_LINE') or '0')
local complete_line = tonumber(os.getenv('COMPLETE_LINE') or '0')
local complete_label = os.getenv('COMPLETE_LABEL') or 'BONDING_OPTS'
local complete_char = tonumber(os.getenv('COMPLETE_CHAR') or '0')
local hover_line = tonumber(os.getenv('HOVER_LINE') or '-1')
local hover_char = tonumber(os.getenv('HOVER_CHAR') or '0')
local hover_expect = os.getenv('HOVER_EXPECT')
local passed, failed = 0, 0
local function say(s) io.stdout:write(s .. '\n') end
local function check(name, ok, detail)
  if ok then passed = passed + 1; say('ok   - ' .. name)
  else failed = failed + 1; say('FAIL - ' .. name .. ' ' .. (detail or '')) end
end

local bufnr = vim.api.nvim_get_current_buf()
local name = vim.fn.expand('%:t')
local path = vim.fn.expand('%:p')
-- The filetypes other editors would use; the server also recognises files by path.
if name:match('^ifcfg%-') then vim.bo[bufnr].filetype = 'ifcfg'
elseif name == 'modprobe.conf' or path:match('/modprobe%.d/[^/]+%.conf$') then vim.bo[bufnr].filetype = 'modprobe' end
check('filetype detected (' .. vim.bo[bufnr].filetype .. ')', vim.bo[bufnr].filetype == 'ifcfg' or vim.bo[bufnr].filetype == 'modprobe')

local exit_code = nil
local client_id = vim.lsp.start_client({
  name = 'bonding',
  cmd = { server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  on_exit = function(code) exit_code = code end,
})
check('client started', client_id ~= nil)
vim.lsp.buf_attach_client(bufnr, client_id)

local function has_code()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == expect_code and d.lnum == expect_line then return true end
  end
  return false
end
local got = vim.wait(15000, has_code, 50)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  say(string.format('DIAGNOSTIC %d:%d severity=%d code=%s %s', d.lnum, d.col, d.severity, tostring(code), d.message))
end
check('diagnostic ' .. expect_code .. ' on line ' .. expect_line, got)

local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = complete_line, character = complete_char } }
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
local labels = {}
local offered = nil
for _, resp in pairs(responses or {}) do
  local result = resp.result or {}
  for _, item in ipairs(result.items or result) do
    table.insert(labels, item.label)
    if item.label == complete_label then offered = item end
  end
end
say('COMPLETION ' .. #labels .. ' items')
check('completion offers ' .. complete_label, vim.tbl_contains(labels, complete_label), table.concat(labels, ','))
-- Documentation is resolved lazily (completionItem/resolve), as nvim-cmp and the built-in menu do.
if offered and offered.data then
  local rr = vim.lsp.buf_request_sync(bufnr, 'completionItem/resolve', offered, 10000)
  local doc = ''
  for _, resp in pairs(rr or {}) do
    local d = resp.result and resp.result.documentation
    if type(d) == 'table' then doc = d.value or '' elseif type(d) == 'string' then doc = d end
  end
  say('RESOLVED ' .. complete_label .. ': ' .. #doc .. ' characters of documentation')
  check('completionItem/resolve documents ' .. complete_label, #doc > 0, vim.inspect(rr))
end

if hover_line >= 0 then
  local hp = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_char } }
  local hr = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', hp, 10000)
  local text = ''
  for _, resp in pairs(hr or {}) do
    local c = resp.result and resp.result.contents
    if type(c) == 'table' then text = text .. (c.value or '') end
  end
  say('HOVER ' .. (text:match('[^\n]+') or ''))
  check('hover mentions ' .. hover_expect, text:find(hover_expect, 1, true) ~= nil, text)
end

-- An edit that fixes the problem clears the diagnostic (didChange round trip).
local line = vim.api.nvim_buf_get_lines(bufnr, expect_line, expect_line + 1, false)[1] or ''
if expect_code == 'spaces-around-equals' then
  vim.api.nvim_buf_set_lines(bufnr, expect_line, expect_line + 1, false, { (line:gsub('%s*=%s*', '=', 1)) })
  local cleared = vim.wait(10000, function() return not has_code() end, 50)
  check('diagnostic cleared after the edit', cleared)
end

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return exit_code ~= nil end, 50)
check('server exited cleanly', exit_code == 0, tostring(exit_code))
say(string.format('%d passed, %d failed', passed, failed))
if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
