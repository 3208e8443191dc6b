// The agency console in Chromium, against the development node tests/run.mjs starts:
// each step through the page only, signed with the development keys the console offers
// on a development chain. The wrong parties are tried too, and every refusal must be a
// sentence, never the chain's raw error.

import { expect, test } from '@playwright/test';
import { ADDRESS, chain, countSubmissions, noRawError, open, outcome, shot, signInAs } from './console-lib';

test.describe.configure({ mode: 'serial' });
const shared: { type?: number; code?: string; licence?: number } = {};

test('an issuer sees its agency and roles, defines a licence type and issues a licence, each to finality', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'Bob');
  await expect(page.getByTestId('acting')).toContainText('Sichuan Administration for Market Regulation (#1)');
  await expect(page.getByTestId('roles')).toHaveText('市场监管、证照签发');
  await expect(page.getByTestId('council')).toHaveText('联盟理事会成员');
  const code = `CONSOLE-${Date.now().toString(36)}`;
  shared.code = code;
  const define = page.locator('#define');
  await define.getByLabel('类型代码').fill(code);
  await define.getByLabel('类型名称').fill('网约车驾驶员证');
  await define.getByLabel('适用地区').fill('510000');
  await define.getByLabel('持证人类型').selectOption('Account');
  await define.getByRole('button', { name: '定义类型' }).click();
  const defined = await outcome(page, '#define');
  await expect(defined).toHaveText(/^等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认\. 已定义证照类型 \d+。$/);
  shared.type = Number((await defined.textContent())!.match(/证照类型 (\d+)/)![1]);

  const issue = page.locator('#issue');
  await issue.getByLabel('证照类型编号').fill(String(shared.type));
  await issue.getByLabel('持证人类型').selectOption('Account');
  await issue.getByLabel('持证人（').fill(ADDRESS.Ferdie);
  await issue.getByLabel('证照文件').setInputFiles({ name: 'licence.ofd', mimeType: 'application/octet-stream', buffer: Buffer.from(`licence of ${code}`) });
  await issue.getByRole('button', { name: '签发' }).click();
  const issued = await outcome(page, '#issue');
  await expect(issued).toContainText('已最终确认. 已签发证照');
  shared.licence = Number((await issued.textContent())!.match(/已签发证照 (\d+)/)![1]);
  await shot(page, 'console-issuer');

  // The printable view: the public page the licence's QR code opens.
  await issued.getByTestId('printable').click();
  await expect(page.getByTestId('licence-title')).toHaveText(`网约车驾驶员证 · ${shared.licence}`);
  await expect(page.getByTestId('status')).toHaveText('有效');
});

test('the wrong parties are refused in words: a department without the role sees no issuing, another issuer cannot suspend', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'Charlie');
  await expect(page.getByTestId('roles')).toHaveText('印章刻制审批');
  await expect(page.locator('#issuer')).toHaveCount(0);
  // A use without the holder's authorisation, by an agency that did not issue it.
  const use = page.locator('#record-use');
  await use.getByLabel('证照编号').fill(String(shared.licence));
  await use.getByLabel('用途').fill('开户核验');
  await use.getByLabel('业务编号').fill('PSB-2026-0001');
  await use.getByRole('button', { name: '记录用证' }).click();
  await expect(await outcome(page, '#record-use')).toHaveText('未办成：本机构不是签发机关，使用这张证照需要持证人的授权。');

  // Alice's demo agency issues licences too, but not this one (Sichuan's).
  await signInAs(page, 'Alice');
  const manage = page.locator('#manage');
  await manage.getByLabel('证照编号').fill(String(shared.licence));
  await manage.getByLabel('操作').selectOption('suspend');
  await manage.getByLabel('原因代码').fill('7');
  await manage.getByLabel('法律依据').fill('渝市监罚〔2026〕12号');
  await manage.getByRole('button', { name: '执行' }).click();
  await expect(await outcome(page, '#manage')).toHaveText('未办成：本机构既不是这张证照的签发机关，也不是其类型的主管机关，不能管理它。');
  // A mistyped number is caught before anything is signed.
  await manage.getByLabel('证照编号').fill('12a');
  await manage.getByRole('button', { name: '执行' }).click();
  await expect(manage.getByRole('alert')).toHaveText('请在"证照编号"中填写数字。');
  await noRawError(page);
  await shot(page, 'console-refused');
});

test('the holder authorises a department, which records a use the holder then reads; withdrawn, the next use is refused', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'Ferdie');
  await expect(page.getByTestId(`status-${shared.licence}`)).toHaveText('有效');
  const grant = page.locator('#grant');
  await grant.getByLabel('证照编号').fill(String(shared.licence));
  await grant.getByLabel('被授权机构编号').fill('2');
  await grant.getByLabel('用途').fill('开户核验');
  await grant.getByRole('button', { name: '授权' }).click();
  await expect(await outcome(page, '#grant')).toContainText(`已授权：证照 ${shared.licence}，授权序号 0。`);
  await expect(page.getByTestId(`consents-${shared.licence}`)).toContainText('#0 → 2 · 开户核验');

  await signInAs(page, 'Charlie');
  const use = page.locator('#record-use');
  await use.getByLabel('证照编号').fill(String(shared.licence));
  await use.getByLabel('用途').fill('开户核验');
  await use.getByLabel('业务编号').fill('PSB-2026-0002');
  await use.getByLabel('授权序号').fill('0');
  await use.getByRole('button', { name: '记录用证' }).click();
  await expect(await outcome(page, '#record-use')).toContainText(`已记录证照 ${shared.licence} 的一次使用。`);

  await signInAs(page, 'Ferdie');
  await expect(page.getByTestId(`uses-${shared.licence}`)).toContainText('开户核验');
  const withdraw = page.locator('#withdraw');
  await withdraw.getByLabel('证照编号').fill(String(shared.licence));
  await withdraw.getByLabel('授权序号').fill('0');
  await withdraw.getByRole('button', { name: '撤回' }).click();
  await expect(await outcome(page, '#withdraw')).toContainText(`已撤回证照 ${shared.licence} 的授权 0。`);
  await shot(page, 'console-holder');

  await signInAs(page, 'Charlie');
  await use.getByLabel('证照编号').fill(String(shared.licence));
  await use.getByLabel('用途').fill('开户核验');
  await use.getByLabel('业务编号').fill('PSB-2026-0003');
  await use.getByLabel('授权序号').fill('0');
  await use.getByRole('button', { name: '记录用证' }).click();
  await expect(await outcome(page, '#record-use')).toHaveText('未办成：持证人已撤回这项授权。');
});


test('an issuer imports 1,020 rows in pipelined batches: the report names each bad row, 1,000 are on chain once, and the same file again issues nothing', async ({ page }) => {
  test.setTimeout(300_000);
  const submissions = countSubmissions(page);
  await open(page, 'Bob');
  const form = page.locator('#import');
  const out = form.locator('output');
  const choose = (name: string, text: string) => form.getByLabel('CSV 文件').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const start = () => form.getByRole('button', { name: '导入', exact: true }).click();
  const HEADER = 'type_code,holder_kind,holder_id,content,valid_from,valid_until';

  // Files that are no licence export: a sentence each, and nothing goes to the node.
  await choose('empty.csv', '\n');
  await start();
  await expect(out).toHaveText('文件是空的：没有表头，也没有证照行。未发送任何交易。');
  await expect(out).toHaveAttribute('role', 'alert');
  await choose('wrong.csv', 'licence_no,name,holder\n1,律师执业证,张三\n');
  await start();
  await expect(out).toHaveText(`文件的列不对：缺少 type_code、holder_kind、holder_id、content、valid_from、valid_until。第一行应为表头 ${HEADER}。未发送任何交易。`);
  await choose('header.csv', `${HEADER}\n`);
  await start();
  await expect(out).toHaveText('文件只有表头，没有证照行。未发送任何交易。');
  await expect(form.getByLabel('每批条数')).toHaveValue('100'); // the chain's maxBatchIssue
  expect(submissions.n).toBe(0);

  // 1,000 good rows over 40 holders (one of them at the chain's limit of 64 live
  // licences), and 20 bad rows of thirteen kinds spread through the file.
  const { encodeAddress, randomAsU8a } = await import('@polkadot/util-crypto');
  const holders = [ADDRESS['Bob//stash'], ...Array.from({ length: 39 }, () => encodeAddress(randomAsU8a(32), 42))];
  const tag = Date.now().toString(16).padStart(12, '0');
  const hash = (n: number) => `0x${tag}${String(n).padStart(52, '0')}`;
  const good: string[] = [];
  const goodHashes: string[] = [];
  const others = holders.filter((_, i) => i !== 1); // 39 holders of 24 rows each
  for (let n = 0; n < 1000; n++) {
    const holder = n < 64 ? holders[1] : others[n % 39];
    good.push(`${shared.code},account,${holder},${hash(n)},2026-01-01,${n % 3 ? '2031-01-01' : ''}`);
    goodHashes.push(hash(n));
  }
  const bad: [string, string, RegExp][] = [ // row, column, reason
    [`${shared.code},account,5NotAnAddress,${hash(2000)},2026-01-01,`, 'holder_id', /not an SS58 address/],
    [`${shared.code},account,${holders[2]}x,${hash(2001)},2026-01-01,`, 'holder_id', /not an SS58 address/],
    [`NO-SUCH-TYPE-${tag},account,${holders[2]},${hash(2002)},2026-01-01,`, 'type_code', /no licence type NO-SUCH-TYPE/],
    [`NO-SUCH-TYPE-${tag}-2,account,${holders[3]},${hash(2003)},2026-01-01,`, 'type_code', /no licence type/],
    [`${shared.code},account,${holders[2]},licence.ofd,2026-01-01,`, 'content', /not a 0x-prefixed 32-byte hash/],
    [`${shared.code},account,${holders[2]},0x1234,2026-01-01,`, 'content', /not a 0x-prefixed 32-byte hash/],
    [`${shared.code},account,${holders[2]},${hash(2006)},2026-01-01,2025-01-01`, 'valid_until', /not after valid_from/],
    [`${shared.code},account,${holders[2]},${hash(2007)},2026-01-01,2026-01-01`, 'valid_until', /not after valid_from/],
    [`${shared.code},account,${holders[2]},${hash(2008)},2026-13-45,`, 'valid_from', /not a date/],
    [`${shared.code},account,${holders[2]},${hash(2009)},tomorrow,`, 'valid_from', /not a date/],
    [`${shared.code},enterprise,915000000000000005,${hash(2010)},2026-01-01,`, 'holder_kind', /held by Account holders, not Enterprise/],
    [`${shared.code},enterprise,915000000000000005,${hash(2011)},2026-02-01,`, 'holder_kind', /held by Account holders, not Enterprise/],
    [`${shared.code},robot,${holders[2]},${hash(2012)},2026-01-01,`, 'holder_kind', /"robot" is not person, enterprise or account/],
    [`${shared.code},person,cn-resident-id:500103198807150018,${hash(2013)},2026-01-01,`, 'holder_id', /假名密钥/],
    [`${shared.code},account,${holders[2]},${hash(2014)},2026-01-01`, '', /5 fields, the header has 6/],
    [`${shared.code},account,"${holders[2]},${hash(2015)},2026-01-01,`, '', /unbalanced quotes/],
    [good[10], 'content', /the same licence as line \d+/],
    [good[500], 'content', /the same licence as line \d+/],
    [`${shared.code},account,${holders[1]},${hash(2018)},2026-01-01,`, 'holder_id', /more than 64 live licences/],
    [`,account,${holders[2]},${hash(2019)},2026-01-01,`, 'type_code', /^empty$/],
  ];
  const lines = [HEADER];
  const badLines: [number, string, RegExp][] = [];
  let g = 0;
  for (let i = 0; i < 1020; i++) {
    const k = i % 51 === 50 ? Math.floor(i / 51) : -1; // one bad row in 51, the first after its good twin
    if (k >= 0 && k < bad.length) { lines.push(bad[k][0]); badLines.push([lines.length, bad[k][1], bad[k][2]]); } else lines.push(good[g++]);
  }
  expect(g).toBe(1000);
  const csv = `${lines.join('\n')}\n`;

  await choose('licences.csv', csv);
  await start();
  await expect(out).toHaveAttribute('data-stage', /finalized|refused/, { timeout: 240_000 });
  await expect(out).toHaveText('共读取 1020 行：本次签发 1000，链上已有而跳过 0，拒绝 20。');
  const progress = (await page.getByTestId('import-progress').textContent())!;
  expect(progress).toMatch(/^1000 \/ 1000 行 · [\d.]+ 行\/秒 · 预计剩余 0 秒$/);
  console.log(`[import] 1,000 licences: ${progress}`);
  expect(await form.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([1000, 1000]);
  expect(submissions.n).toBeGreaterThanOrEqual(10); // ten batches of 100 at least
  const report = page.getByTestId('import-report');
  await expect(report.locator('tr')).toHaveCount(21);
  for (const [line, column, reason] of badLines) {
    const row = report.locator('tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${line}$`) }) });
    await expect(row.locator('td').nth(1)).toHaveText(column);
    await expect(row.locator('td').nth(2)).toHaveText(reason);
  }
  await shot(page, 'console-import');

  // On chain: each good row once, in batches that shared blocks (pipelined).
  const api = await chain();
  const mine = async () => (await api.query.licenses.licenses.entries())
    .map(([, l]) => (l as any).unwrap()).filter((l) => l.content.toHex().startsWith(`0x${tag}`));
  const issued = await mine();
  expect(issued).toHaveLength(1000);
  expect(new Set(issued.map((l) => l.content.toHex()))).toEqual(new Set(goodHashes));
  const blocks = new Set(issued.map((l) => l.issuedAt.toNumber()));
  expect(blocks.size).toBeLessThan(10); // ten batches one after another would take ten blocks at least

  await start();
  await expect(out).toHaveAttribute('data-stage', /finalized|refused/, { timeout: 120_000 });
  await expect(out).toHaveText('共读取 1020 行：本次签发 0，链上已有而跳过 1000，拒绝 20。');
  await expect(report.locator('tr')).toHaveCount(21);
  expect(await mine()).toHaveLength(1000);

  await signInAs(page, 'Bob//stash');
  await expect(page.locator('#mine article', { hasText: '网约车驾驶员证' })).toHaveCount(24);
});

test('an issuer renews a licence (another issuer may not) and two regions recognise each other’s licence types, as the public page then shows', async ({ page, context }) => {
  test.setTimeout(240_000);
  const rpc = encodeURIComponent(process.env.GOVCHAIN_RPC as string);
  const pub = await context.newPage();
  const verdict = async (id: number, region: number) => {
    await pub.goto(`/verify/?licence=${id}&region=${region}&rpc=${rpc}`);
    return pub.getByTestId('verdict');
  };
  await open(page, 'Alice');
  const renew = page.locator('#renew');
  await renew.getByLabel('证照编号').fill(String(shared.licence));
  await renew.getByRole('button', { name: '换发' }).click();
  await expect(renew.getByRole('alert')).toHaveText('请选择新的证照文件：换发要有新证照的文件。');
  await renew.getByLabel('新的证照文件').setInputFiles({ name: 'renewed.ofd', mimeType: 'application/octet-stream', buffer: Buffer.from(`renewed licence of ${shared.code}`) });
  await renew.getByLabel('截止日期').fill('2020-01-01');
  await renew.getByRole('button', { name: '换发' }).click();
  await expect(renew.getByRole('alert')).toHaveText('截止日期应晚于生效日期。');
  await renew.getByLabel('截止日期').fill('2031-06-30');
  await renew.getByRole('button', { name: '换发' }).click();
  await expect(await outcome(page, '#renew')).toHaveText('未办成：本机构既不是这张证照的签发机关，也不是其类型的主管机关，不能管理它。');

  // Chongqing (//Alice's agency) defines its own type for accounts and declares that it
  // accepts Sichuan's; it may not confirm for Sichuan.
  const define = page.locator('#define');
  await define.getByLabel('类型代码').fill(`${shared.code}-CQ`);
  await define.getByLabel('类型名称').fill('网约车驾驶员证（重庆）');
  await define.getByLabel('适用地区').fill('500000');
  await define.getByLabel('持证人类型').selectOption('Account');
  await define.getByRole('button', { name: '定义类型' }).click();
  const defined = await outcome(page, '#define');
  await expect(defined).toContainText('已定义证照类型');
  const cq = Number((await defined.textContent())!.match(/证照类型 (\d+)/)![1]);
  const recognition = page.locator('#recognition');
  const recognise = async (action: string, expected: string) => {
    await recognition.getByLabel('认可方证照类型编号').fill(String(cq));
    await recognition.getByLabel('被认可的证照类型编号').fill(String(shared.type));
    await recognition.getByLabel('操作').selectOption(action);
    await recognition.getByRole('button', { name: '执行' }).click();
    await expect(await outcome(page, '#recognition')).toHaveText(expected);
  };
  await recognise('declare', `等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认. 已声明：证照类型 ${cq} 认可证照类型 ${shared.type}，待对方主管机关确认。`);
  const state = page.getByTestId(`recognition-${cq}-${shared.type}`).getByTestId('recognition-state');
  await expect(state).toHaveText('待确认');
  await expect(await verdict(shared.licence!, 500000)).toHaveText('在所选地区 500000: 有效，但该地区不认可此类证照');
  await recognise('confirm', '未办成：本机构不是此证照类型的主管机关。');
  await noRawError(page);

  // Sichuan renews its licence and confirms the recognition.
  await signInAs(page, 'Bob');
  await renew.getByLabel('证照编号').fill(String(shared.licence));
  await renew.getByLabel('新的证照文件').setInputFiles({ name: 'renewed.ofd', mimeType: 'application/octet-stream', buffer: Buffer.from(`renewed licence of ${shared.code}`) });
  await renew.getByLabel('截止日期').fill('2031-06-30');
  await renew.getByRole('button', { name: '换发' }).click();
  const renewed = await outcome(page, '#renew');
  await expect(renewed).toContainText(`已最终确认. 证照 ${shared.licence} 已换发为证照`);
  const successor = Number((await renewed.textContent())!.match(/已换发为证照 (\d+)/)![1]);
  await recognise('confirm', `等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认. 已确认：证照类型 ${cq} 认可证照类型 ${shared.type}，互认生效。`);
  await expect(state).toContainText('已生效（机构 1 于区块');
  await shot(page, 'console-renewal-recognition');

  await expect(await verdict(successor, 500000)).toHaveText(`在所选地区 500000: 有效，经证照类型 ${cq} 互认`);
  await expect(pub.getByTestId('status')).toHaveText('有效');
  await verdict(shared.licence!, 510000);
  await expect(pub.getByTestId('status')).toHaveText('已换发');
  // The renewed licence's printable page opens from the console's link.
  await renewed.getByTestId('printable').click();
  await expect(page.getByTestId('licence-title')).toHaveText(`网约车驾驶员证 · ${successor}`);
  await expect(page.getByTestId('qr-link')).toContainText(`licence=${successor}`);
});
