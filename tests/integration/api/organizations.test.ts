import { readFileSync } from 'node:fs';
import { Client } from 'ldapts';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { createTestUser } from '../db/helpers';
import { testAdConfig, uniq } from '../ad/helpers';
import { eventually, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';

const env = testEnv();
const clients = createClients(env);
const adConfig = testAdConfig();
const rootDn = clients.ad.rootDn;
const createdOus: string[] = [];

afterAll(async () => {
  for (const dn of createdOus.reverse()) await clients.ad.deleteSubtree(dn).catch(() => undefined);
  await clients.prisma.$disconnect();
});

/** The OU's description as AD has it, or null when there is no such OU (read straight over LDAPS). */
async function ouDescription(dn: string): Promise<string | null> {
  const client = new Client({
    url: adConfig.url,
    tlsOptions: adConfig.caFile ? { ca: [readFileSync(adConfig.caFile)] } : undefined,
  });
  try {
    await client.bind(adConfig.bindDN, adConfig.bindPassword);
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['description'] });
    const d = searchEntries[0]?.description;
    return (Array.isArray(d) ? d[0] : d)?.toString() ?? '';
  } catch (error) {
    if ((error as { code?: number }).code === 32) return null;
    throw error;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

type Session = ReturnType<typeof apiSession>;

async function sysadmin() {
  const s = apiSession();
  expect((await s.login('sysadmin')).status).toBe(200);
  return s;
}

/** Waits until the change has reached AD (已完成) and returns its timeline. */
async function done(s: Session, workflowId: string) {
  return eventually(async () => {
    const { body } = await s.get(`/api/console/organizations/requests/${workflowId}`);
    return body?.status === 'DONE' ? body : null;
  });
}

const unitById = (id: string) => clients.prisma.organization.findUniqueOrThrow({ where: { id } });

async function createUnit(s: Session, parentCode: string, name: string) {
  const parent = await clients.prisma.organization.findUniqueOrThrow({ where: { code: parentCode } });
  const started = await s.post('/api/console/organizations', { parentId: parent.id, name, kind: 'SECTION' });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const request = await done(s, started.body.workflowId);
  return { ...started.body, request, unit: await unitById(started.body.organizationId) };
}

describe('組織管理 over HTTP: /api/console/organizations', () => {
  it('creates, renames, moves (with its users) and retires units, each applied to AD by a workflow', async () => {
    const s = await sysadmin();
    const tag = uniq();

    // 新增下級單位 under 民政局: the server issues the code; the OU appears under OU=G01.
    const created = await createUnit(s, 'G01', `整測科${tag}`);
    const x = created.unit;
    expect(x.code).toMatch(/^G01-\d{2}$/);
    expect(x.adOu).toBe(`OU=${x.code},OU=G01`);
    const xDn = `OU=${x.code},OU=G01,${rootDn}`;
    createdOus.push(xDn);
    expect(created.request.statusLabel).toBe('已完成');
    expect(created.request.events.map((e: { kind: string }) => e.kind)).toEqual(['REQUESTED', 'AD_APPLIED']);
    expect(created.request.events[0].label).toContain('新增下級單位');
    expect(created.request.temporalUrl).toContain(encodeURIComponent(created.workflowId));
    expect(await ouDescription(xDn)).toBe(`整測科${tag}`);

    const tree = await s.get('/api/console/organizations');
    expect(tree.body.items.find((u: { id: string }) => u.id === x.id)).toMatchObject({
      code: x.code,
      name: `整測科${tag}`,
      kindLabel: '科/室/課',
      activeAccounts: 0,
      retiredAt: null,
    });

    // A 股 below it, holding a fresh active account that lives in its OU in AD.
    const y = (await createUnit(s, x.code, `整測股${tag}`)).unit;
    expect(y.code).toBe(`${x.code}-01`);
    const user = await createTestUser(clients.prisma, y.id);
    await clients.prisma.user.update({ where: { id: user.id }, data: { status: 'ACTIVE', activatedAt: new Date() } });
    await clients.ad.createUser({ account: user.account, ouDn: `OU=${y.code},${xDn}`, displayName: user.name });

    // 修改名稱: the OU keeps its name (the code); its description follows.
    const renamed = await s.patch(`/api/console/organizations/${x.id}`, { name: `整測新科${tag}`, shortName: '新科' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(202);
    await done(s, renamed.body.workflowId);
    expect(await ouDescription(xDn)).toBe(`整測新科${tag}`);
    expect((await unitById(x.id)).name).toBe(`整測新科${tag}`);

    // Moves that would break the tree are refused with the reason, and change nothing.
    const intoOwn = await s.post(`/api/console/organizations/${x.id}/move`, { parentId: y.id });
    expect(intoOwn.status).toBe(400);
    expect(intoOwn.body.error.message).toBe(`不可移動到自己的下級單位「整測股${tag}」之下`);
    const g01 = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    const g25 = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G25' } });
    const root = await s.post(`/api/console/organizations/${g01.id}/move`, { parentId: g25.id });
    expect(root.status).toBe(400);
    expect(root.body.error.message).toBe('最上層機關不可移動');
    expect((await unitById(x.id)).parentId).toBe(g01.id);

    // 移動 to 智慧發展中心: the OU moves with its 股 and the user; the database follows (agency by trigger).
    const moved = await s.post(`/api/console/organizations/${x.id}/move`, { parentId: g25.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(202);
    await done(s, moved.body.workflowId);
    const newXDn = `OU=${x.code},OU=G25,${rootDn}`;
    createdOus.push(newXDn);
    expect(await ouDescription(xDn)).toBeNull();
    expect(await ouDescription(newXDn)).toBe(`整測新科${tag}`);
    expect((await clients.ad.findUser(user.account))?.dn).toBe(`CN=${user.account},OU=${y.code},${newXDn}`);
    expect(await unitById(x.id)).toMatchObject({ parentId: g25.id, agencyId: g25.id, adOu: `OU=${x.code},OU=G25` });
    expect(await unitById(y.id)).toMatchObject({ agencyId: g25.id, adOu: `OU=${y.code},OU=${x.code},OU=G25` });
    const movedUser = await clients.prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { organization: true } });
    expect(movedUser.organization.agencyId).toBe(g25.id);
    // The moved unit kept its code (its OU name), and the tree counts the account where it now is.
    expect((await unitById(x.id)).code).toBe(x.code);
    expect((await s.get('/api/console/organizations')).body.items.find((u: { id: string }) => u.id === y.id).activeAccounts).toBe(
      1,
    );

    // 裁撤 is refused while the subtree holds an active account, saying how many and where.
    const refused = await s.post(`/api/console/organizations/${x.id}/retire`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`仍有 1 個未停用的帳號（整測股${tag} 1 個）`);
    expect((await unitById(x.id)).retiredAt).toBeNull();

    // Once the account is disabled: the unit and its 股 are retired and their OUs marked (not deleted).
    await clients.prisma.user.update({ where: { id: user.id }, data: { status: 'DISABLED', disabledAt: new Date() } });
    const retired = await s.post(`/api/console/organizations/${x.id}/retire`);
    expect(retired.status, JSON.stringify(retired.body)).toBe(202);
    const retiredRequest = await done(s, retired.body.workflowId);
    expect(retiredRequest.events.at(-1).label).toBe('已套用至 AD（2 個組織單位）');
    expect(await ouDescription(newXDn)).toBe(`已裁撤 整測新科${tag}`);
    expect(await ouDescription(`OU=${y.code},${newXDn}`)).toBe(`已裁撤 整測股${tag}`);
    expect((await clients.ad.findUser(user.account))?.dn).toBe(`CN=${user.account},OU=${y.code},${newXDn}`);
    expect((await unitById(y.id)).retiredAt).not.toBeNull();

    // 復原 brings back what was retired with it.
    const restored = await s.post(`/api/console/organizations/${x.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(202);
    await done(s, restored.body.workflowId);
    expect(await ouDescription(`OU=${y.code},${newXDn}`)).toBe(`整測股${tag}`);
    expect((await unitById(y.id)).retiredAt).toBeNull();
  });

  it('answers bad input with a specific zh-TW message and changes nothing', async () => {
    const s = await sysadmin();
    const g01 = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    const d01 = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'D01' } });
    // Other suites create units at the same time: count only what these requests could have made.
    const madeHere = () =>
      clients.prisma.organization.count({
        where: { parentId: { in: [g01.id, d01.id] }, name: { in: ['新科', '新戶所', '科'.repeat(51), '新名稱'] } },
      });
    const before = await madeHere();

    const noName = await s.post('/api/console/organizations', { parentId: g01.id, name: '   ', kind: 'SECTION' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields.name).toBe('請輸入單位名稱');
    const tooLong = await s.post('/api/console/organizations', { parentId: g01.id, name: '科'.repeat(51), kind: 'SECTION' });
    expect(tooLong.body.error.fields.name).toBe('單位名稱不可超過50個字');
    const noKind = await s.post('/api/console/organizations', { parentId: g01.id, name: '新科' });
    expect(noKind.body.error.fields.kind).toBe('請選擇單位類型');
    const wrongKind = await s.post('/api/console/organizations', {
      parentId: d01.id,
      name: '新戶所',
      kind: 'SECOND_LEVEL_AGENCY',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.message).toBe(`區公所「${d01.name}」之下不可設立二級機關`);
    const section = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G01-91' } });
    const duplicate = await s.post('/api/console/organizations', { parentId: g01.id, name: section.name, kind: 'SECTION' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toBe('同一上級單位下已有相同名稱的單位');
    const unchanged = await s.patch(`/api/console/organizations/${section.id}`, {
      name: section.name,
      shortName: section.shortName,
    });
    expect(unchanged.body.error.message).toBe('名稱與簡稱均未變更');
    const missing = await s.patch('/api/console/organizations/no-such-unit', { name: '新名稱' });
    expect(missing.status).toBe(404);

    expect(await madeHere()).toBe(before);
    expect(await clients.prisma.organization.count({ where: { parentId: g01.id, name: section.name } })).toBe(1);
    expect((await unitById(section.id)).name).toBe(section.name);
  });

  it('refuses a second change of a unit while one is still being applied to AD, with a link to it', async () => {
    const s = await sysadmin();
    const { unit } = await createUnit(s, 'G01', `整測併科${uniq()}`);
    createdOus.push(`OU=${unit.code},OU=G01,${rootDn}`);
    // A change of this unit that AD has not answered yet (as while AD is down).
    const openId = `organization-change-${unit.id}-open${uniq()}`;
    await clients.prisma.request.create({
      data: {
        workflowId: openId,
        type: 'ORGANIZATION_CHANGE',
        status: 'APPLYING_AD',
        statusLabel: '套用至 AD 中',
        agencyId: unit.agencyId,
        summary: { organizationId: unit.id, code: unit.code, change: 'RENAME' },
      },
    });
    const second = await s.patch(`/api/console/organizations/${unit.id}`, { name: `${unit.name}二` });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(`單位 ${unit.code} 尚有變更正在套用至 AD，請待其完成後再操作`);
    expect(second.body.error.openRequest).toEqual({ workflowId: openId, url: `/console/organizations?request=${openId}` });
    expect((await unitById(unit.id)).name).toBe(unit.name);
    const tree = await s.get('/api/console/organizations');
    expect(tree.body.items.find((u: { id: string }) => u.id === unit.id).pendingChange).toEqual({
      workflowId: openId,
      statusLabel: '套用至 AD 中',
    });
    await clients.prisma.request.update({ where: { workflowId: openId }, data: { status: 'DONE', statusLabel: '已完成' } });
  });

  it('answers 403 to an agency admin on every route', async () => {
    const s = apiSession();
    expect((await s.login('cabadmin')).status).toBe(200);
    const g01 = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    const section = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G01-91' } });
    const answers = [
      await s.get('/api/console/organizations'),
      await s.post('/api/console/organizations', { parentId: g01.id, name: '越權科', kind: 'SECTION' }),
      await s.patch(`/api/console/organizations/${section.id}`, { name: '越權' }),
      await s.post(`/api/console/organizations/${section.id}/move`, { parentId: g01.id }),
      await s.post(`/api/console/organizations/${section.id}/retire`),
      await s.post(`/api/console/organizations/${section.id}/restore`),
      await s.get(`/api/console/organizations/requests/organization-change-${section.id}-x`),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(answers[1]!.body.error.message).toBe('您沒有使用此功能的權限');
    expect((await unitById(section.id)).name).toBe(section.name);
  });
});
