/** Test-only: an Uploader holding its file ids in state, as a page does, reporting changes. */
import { useState } from 'react';
import { Uploader } from './index';

export function UploaderHarness({ onIds }: { onIds?: (ids: string[]) => void }) {
  const [ids, setIds] = useState<string[]>([]);
  return (
    <Uploader
      materialCode='householdRegister'
      label='户口簿'
      fileIds={ids}
      maxBytes={2 * 1024 * 1024}
      uploadOptions={{ sleep: async () => undefined }}
      onChange={(next) => {
        setIds(next);
        onIds?.(next);
      }}
    />
  );
}
