/**
 * A part of a bridge that loads when first used (an async chunk on H5, a subpackage on WeChat), so
 * the first page does not download what only later pages run. A part that cannot be loaded (no
 * network) answers a `network` failure, which every page already explains.
 */
import type { HostResult, HttpResponse, UploadTask } from '@contract/bridge';
import { fail } from './result';

const reasonOf = (error: unknown) => (error as { errMsg?: string; message?: string } | null)?.errMsg ?? (error as Error | null)?.message ?? '';

export function onDemand<M>(load: () => Promise<M>) {
  const use = async <T>(run: (part: M) => Promise<HostResult<T>> | HostResult<T>): Promise<HostResult<T>> => {
    let part: M;
    try {
      part = await load();
    } catch (error) {
      return fail('network', `loading the bridge's on-demand part failed: ${reasonOf(error)}`);
    }
    return run(part);
  };
  /** An upload task at once (the contract's uploadFile is synchronous); aborted before the code arrived, it never starts. */
  const upload = (start: (part: M) => UploadTask): UploadTask => {
    let task: UploadTask | null = null;
    let aborted = false;
    const result = use<HttpResponse>((part) => {
      if (aborted) return fail('cancelled', 'aborted before the upload began');
      task = start(part);
      return task.result;
    });
    return {
      result,
      abort() {
        aborted = true;
        task?.abort();
      },
    };
  };
  return { use, upload };
}
