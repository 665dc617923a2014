import { Text } from '@tarojs/components';
import type { ApiError } from '@contract/errors';
import { NoticeBanner } from '../NoticeBanner';
import { Button } from '../Button';

interface Props {
  /** What could not be loaded, e.g. "暂时无法获取子女信息". */
  title: string;
  error: ApiError;
  onRetry: () => void;
}

/** A failed load: the server's (or client's) Chinese message and a 重新加载 control, never a blank page. */
export function LoadError({ title, error, onRetry }: Props) {
  return (
    <NoticeBanner tone='error' title={title} urgent>
      <Text>{error.message}</Text>
      <Button variant='primary' onPress={onRetry}>
        重新加载
      </Button>
    </NoticeBanner>
  );
}
