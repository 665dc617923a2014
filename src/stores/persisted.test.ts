import { createH5Bridge } from '@/bridge/h5';
import { setBridge } from '@/bridge';
import { configure, resetConfig } from '@/config';
import { DRAFT_INDEX_KEY, clearDrafts, draftKeys, loadJson, onDraftScopeLeft, removeKey, saveJson, setDraftScope, setDraftScopeSource } from './persisted';
import { useSessionStore } from './session';
import { draftKey } from './applyDraft';
import { resubmitKey } from './applications';
import { upkeepDraftKey } from './upkeep';
import { materialsDraftKey } from './materials';
import { ADD_CHILD_DRAFT_KEY } from './children';

describe('persisted storage: the draft index behind logout', () => {
  beforeEach(() => {
    window.localStorage.clear();
    setBridge(createH5Bridge({ origin: 'http://localhost' }));
  });

  it('indexes every draft: key it saves, once, and nothing else', async () => {
    await saveJson(draftKey('primary'), { childId: 'c1' });
    await saveJson(draftKey('primary'), { childId: 'c2' });
    await saveJson(upkeepDraftKey('c1'), { info: {} });
    await saveJson('session', { token: 't' });
    await saveJson('currentDistrict', '500112');
    expect(await draftKeys()).toEqual([draftKey('primary'), upkeepDraftKey('c1')]);
    expect(await loadJson(draftKey('primary'))).toEqual({ childId: 'c2' });
  });

  it('drops a removed draft from the index', async () => {
    await saveJson(draftKey('junior'), {});
    await saveJson(resubmitKey('A1'), {});
    await removeKey(draftKey('junior'));
    expect(await draftKeys()).toEqual([resubmitKey('A1')]);
    expect(await loadJson(draftKey('junior'))).toBeNull();
  });

  it('loses no entry when drafts of different stores are saved at the same moment', async () => {
    const keys = [draftKey('primary'), upkeepDraftKey('c1'), upkeepDraftKey('c2'), materialsDraftKey('c1'), resubmitKey('A9'), ADD_CHILD_DRAFT_KEY];
    await Promise.all(keys.map((k, i) => saveJson(k, { i })));
    expect([...(await draftKeys())].sort()).toEqual([...keys].sort());
  });

  it('clearDrafts removes every draft of every store, keeps settings, and empties the index', async () => {
    await saveJson(draftKey('primary'), { childId: 'c1' });
    await saveJson(upkeepDraftKey('c1'), { info: { householdAddress: '重庆市渝北区金龙路88号' } });
    await saveJson(materialsDraftKey('c1'), { files: {} });
    await saveJson(resubmitKey('A1'), { materials: {} });
    await saveJson(ADD_CHILD_DRAFT_KEY, { name: '张小雨' });
    await saveJson('ui', { parentChoice: 'elder' });
    await saveJson('currentDistrict', '500112');
    // A draft written before the index existed, named by the caller.
    await createH5Bridge({ origin: 'http://localhost' }).storage.set(draftKey('junior'), '{}');

    await clearDrafts([draftKey('junior')]);

    for (const k of [draftKey('primary'), draftKey('junior'), upkeepDraftKey('c1'), materialsDraftKey('c1'), resubmitKey('A1'), ADD_CHILD_DRAFT_KEY]) {
      expect(await loadJson(k)).toBeNull();
    }
    expect(await draftKeys()).toEqual([]);
    expect(await loadJson(DRAFT_INDEX_KEY)).toBeNull();
    expect(await loadJson('ui')).toEqual({ parentChoice: 'elder' });
    expect(await loadJson('currentDistrict')).toBe('500112');
    expect(Object.keys(window.localStorage).filter((k) => k.includes('draft:'))).toEqual([]);
  });

  it('a draft saved while drafts are being cleared is either removed or still indexed, never orphaned', async () => {
    await saveJson(draftKey('primary'), {});
    const clearing = clearDrafts();
    const saving = saveJson(upkeepDraftKey('c3'), { typed: true });
    await Promise.all([clearing, saving]);
    const left = await loadJson(upkeepDraftKey('c3'));
    if (left) expect(await draftKeys()).toContain(upkeepDraftKey('c3'));
    await clearDrafts();
    expect(await loadJson(upkeepDraftKey('c3'))).toBeNull();
  });
});

describe('persisted storage: drafts scoped to the identity', () => {
  beforeEach(() => {
    window.localStorage.clear();
    setBridge(createH5Bridge({ origin: 'http://localhost' }));
    setDraftScope(null);
  });
  afterEach(() => {
    setDraftScope(null);
    resetConfig();
  });

  it('each scope reads only its own drafts; settings and the session are the device\'s', async () => {
    setDraftScope('aaaa1111');
    await saveJson(draftKey('primary'), { childId: 'mine' });
    await saveJson('currentDistrict', '500112');
    setDraftScope('bbbb2222');
    expect(await loadJson(draftKey('primary'))).toBeNull();
    expect(await loadJson('currentDistrict')).toBe('500112');
    await saveJson(draftKey('primary'), { childId: 'his' });
    setDraftScope('aaaa1111');
    expect(await loadJson(draftKey('primary'))).toEqual({ childId: 'mine' });
    // Removing one's own draft leaves the other's.
    await removeKey(draftKey('primary'));
    setDraftScope('bbbb2222');
    expect(await loadJson(draftKey('primary'))).toEqual({ childId: 'his' });
    expect(await draftKeys()).toEqual([`bbbb2222/${draftKey('primary')}`]);
  });

  it('every key still starts with the bridge prefix and the configured namespace, the scope after it', async () => {
    configure({ storageNamespace: 'ruxue:' });
    setDraftScope('aaaa1111');
    await saveJson(upkeepDraftKey('c1'), { info: {} });
    await saveJson('ui', { parentChoice: 'elder' });
    expect(Object.keys(window.localStorage).sort()).toEqual(['rxyjs:ruxue:aaaa1111/draft:upkeep:c1', 'rxyjs:ruxue:draft-index', 'rxyjs:ruxue:ui']);
  });

  it('a scope that is not a plain name cannot reach outside its own names', async () => {
    setDraftScope('../x/draft:apply:primary');
    await saveJson(draftKey('junior'), { n: 1 });
    setDraftScope(null);
    expect(await loadJson(draftKey('primary'))).toBeNull();
    expect(Object.keys(window.localStorage)).toContain(`rxyjs:${encodeURIComponent('../x/draft:apply:primary')}/${draftKey('junior')}`);
  });

  it('logout\'s clearDrafts removes the drafts of every identity on the phone', async () => {
    setDraftScope('aaaa1111');
    await saveJson(draftKey('primary'), { childId: 'mine' });
    setDraftScope('bbbb2222');
    await saveJson(ADD_CHILD_DRAFT_KEY, { name: '张小雨' });
    await clearDrafts([draftKey('junior')]);
    expect(await draftKeys()).toEqual([]);
    expect(Object.keys(window.localStorage).filter((k) => k.includes('draft:'))).toEqual([]);
  });

  it('leaving a scope tells the stores to forget it in memory; the first login of a visit does not', () => {
    const forget = jest.fn();
    const off = onDraftScopeLeft(forget);
    setDraftScope('aaaa1111');
    expect(forget).not.toHaveBeenCalled();
    setDraftScope('aaaa1111');
    setDraftScope('bbbb2222');
    expect(forget).toHaveBeenCalledTimes(1);
    setDraftScope(null);
    expect(forget).toHaveBeenCalledTimes(2);
    off();
  });
});

describe('persisted storage: after a reload, drafts wait for the saved session', () => {
  afterAll(() => setDraftScopeSource(() => useSessionStore.getState().restore()));

  it('a draft asked for before the session is read comes from that parent’s drafts', async () => {
    window.localStorage.clear();
    setBridge(createH5Bridge({ origin: 'http://localhost' }));
    setDraftScope('parent-a');
    await saveJson(draftKey('primary'), { childId: 'a-child' });
    // The reload: nothing is known about the parent until the saved session has been read.
    setDraftScope(null);
    let sessionRead = false;
    setDraftScopeSource(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      sessionRead = true;
      setDraftScope('parent-a');
    });
    expect(await loadJson(draftKey('primary'))).toEqual({ childId: 'a-child' });
    expect(sessionRead).toBe(true);
  });
});
