/**
 * @jest-environment node
 */
/** The Store contract over the memory adapter (browser mock, page tests). */
import { createMemoryStore } from '../memory/store';
import { storeContract } from './storeContract';

storeContract('memory', async () => {
  const store = createMemoryStore();
  return { store, close: () => store.close() };
});
