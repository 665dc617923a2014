import { View } from '@tarojs/components';
import { Image } from '@/components/native/Image';
import { useEffect, useRef, useState } from 'react';
import { routes } from '@contract/api';
import type { PickedImage } from '@contract/bridge';
import type { MaterialCode } from '@contract/materials';
import { getBridge } from '@/bridge';
import { Button } from '../Button';
import { auth } from '@/services/auth';
import { startUpload, type UploadHandle, type UploadOptions, type UploadStage } from '@/services/upload';
import './index.css';
import { hostName } from '@/config';

export interface UploaderProps {
  materialCode: MaterialCode;
  /** Material name, e.g. "户口簿" (used in buttons and screen-reader labels). */
  label: string;
  /** Uploaded file ids (the caller persists them in its draft). */
  fileIds: string[];
  onChange: (fileIds: string[]) => void;
  /** Per-image limit after compression, from the checklist. */
  maxBytes: number;
  maxImages?: number;
  /** Tests shorten the retry backoff. */
  uploadOptions?: Pick<UploadOptions, 'sleep' | 'backoffMs'>;
}

interface Progress {
  stage: UploadStage;
  attempt: number;
  fraction: number;
}

const STAGE_TEXT: Record<UploadStage, (p: Progress) => string> = {
  checking: () => '正在检查照片…',
  compressing: () => '正在压缩照片（保证文字清晰）…',
  uploading: (p) => `正在上传 ${Math.round(p.fraction * 100)}%${p.attempt > 1 ? `（第 ${p.attempt} 次尝试）` : ''}`,
  waitingRetry: (p) => `网络不稳定，正在自动重试（第 ${p.attempt} 次）…`,
};

/**
 * Photo upload for one material: pick through the host (camera or album), compress on the device,
 * upload with progress, cancel, automatic retry; preview, replace and delete what was uploaded.
 * Errors are shown in Chinese beside the item; uploaded ids are never dropped by a failure.
 */
export function Uploader({ materialCode, label, fileIds, onChange, maxBytes, maxImages = 3, uploadOptions }: UploaderProps) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lastPicked, setLastPicked] = useState<{ image: PickedImage; replacing: string | null } | null>(null);
  const handle = useRef<UploadHandle | null>(null);
  // A double tap lands before React re-renders the button away: refuse the second one at once.
  const active = useRef(false);
  const latestIds = useRef(fileIds);
  latestIds.current = fileIds;

  useEffect(() => () => handle.current?.cancel(), []);

  const run = async (image: PickedImage, replacing: string | null) => {
    if (handle.current) return;
    setError(null);
    setLastPicked({ image, replacing });
    setProgress({ stage: 'checking', attempt: 1, fraction: 0 });
    const task = startUpload(image, {
      materialCode,
      maxBytes,
      ...uploadOptions,
      onStage: (stage, attempt) => setProgress((p) => ({ stage, attempt, fraction: stage === 'uploading' ? 0 : p?.fraction ?? 0 })),
      onProgress: (fraction) => setProgress((p) => (p ? { ...p, fraction } : p)),
    });
    handle.current = task;
    const outcome = await task.result;
    handle.current = null;
    setProgress(null);
    if (!outcome.ok) {
      if (outcome.reason !== 'cancelled') setError(outcome.message);
      // Retrying the same file only helps when the network or the server failed, not for a bad file.
      if (outcome.reason !== 'network' && outcome.reason !== 'server') setLastPicked(null);
      return;
    }
    setLastPicked(null);
    const ids = latestIds.current;
    onChange(replacing ? ids.map((id) => (id === replacing ? outcome.record.fileId : id)) : [...ids, outcome.record.fileId]);
  };

  const pick = async (replacing: string | null) => {
    if (active.current || handle.current) return;
    active.current = true;
    // Released after a second too: a browser that never reports a closed picker must not lock the button.
    const release = setTimeout(() => (active.current = false), 1000);
    setError(null);
    const picked = await getBridge()
      .pickImages({ count: 1, sources: ['camera', 'album'] })
      .finally(() => {
        clearTimeout(release);
        active.current = false;
      });
    if (!picked.ok) {
      if (picked.error.kind === 'unavailable') setError(`当前应用暂不支持选择照片，请更新${hostName()}到最新版本后重试。`);
      else if (picked.error.kind !== 'cancelled') setError('没能打开相机或相册，请检查是否已允许访问相册后重试。');
      return;
    }
    if (picked.value[0]) await run(picked.value[0], replacing);
  };

  const busy = progress !== null;
  const full = fileIds.length >= maxImages;

  return (
    <View className='uploader' data-testid={`uploader-${materialCode}`}>
      {fileIds.length > 0 ? (
        <View className='uploader-thumbs'>
          {fileIds.map((id, i) => (
            <Thumb key={id} fileId={id} label={`${label}第 ${i + 1} 张`} disabled={busy} onReplace={() => void pick(id)} onRemove={() => onChange(fileIds.filter((x) => x !== id))} />
          ))}
        </View>
      ) : null}

      {progress ? (
        <View className='uploader-progress'>
          <View
            className='uploader-bar'
            role='progressbar'
            aria-label={`${label}上传进度`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress.fraction * 100)}
          >
            <View className='uploader-bar-fill' style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
          </View>
          <View className='uploader-status' role='status' aria-live='polite'>
            {STAGE_TEXT[progress.stage](progress)}
          </View>
          <Button className='btn-inline uploader-cancel' aria-label={`取消上传${label}`} onPress={() => handle.current?.cancel()}>
            取消上传
          </Button>
        </View>
      ) : null}

      {error ? (
        <View className='uploader-error' role='alert'>
          <View>{error}</View>
          {lastPicked ? (
            <Button variant='link' className='uploader-retry' onPress={() => void run(lastPicked.image, lastPicked.replacing)}>
              重试上传
            </Button>
          ) : null}
        </View>
      ) : null}

      {!busy && !full ? (
        <Button className='uploader-pick' aria-label={`上传${label}照片`} onPress={() => void pick(null)}>
          {fileIds.length ? '＋ 继续添加照片' : '＋ 拍照或从相册上传'}
        </Button>
      ) : null}
      {full && !busy ? <View className='muted'>{`已达上限（最多 ${maxImages} 张），可点“更换”替换照片`}</View> : null}
    </View>
  );
}

interface ThumbProps {
  fileId: string;
  label: string;
  disabled: boolean;
  onReplace: () => void;
  onRemove: () => void;
}

/** One uploaded image: loaded through the bridge with the auth header, so no token goes in a URL. */
function Thumb({ fileId, label, disabled, onReplace, onRemove }: ThumbProps) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const token = auth.token();
    getBridge()
      .loadPreview(routes.upload(fileId), token ? { Authorization: `Bearer ${token}` } : undefined)
      .then((answer) => {
        if (!live) return;
        if (answer.ok) setSrc(answer.value);
        else setFailed(true);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [fileId]);
  return (
    <View className='uploader-thumb' data-file-id={fileId}>
      {src ? (
        <Image className='uploader-img' src={src} mode='aspectFill' aria-label={label} />
      ) : (
        <View className='uploader-img uploader-img-empty'>{failed ? '已上传（预览暂不可用）' : '加载中…'}</View>
      )}
      <View className='uploader-ok'>✓ 已上传</View>
      <View className='uploader-actions'>
        <Button variant='plain' className={`uploader-action${disabled ? ' btn-disabled' : ''}`} disabled={disabled} aria-label={`更换${label}`} onPress={onReplace}>
          更换
        </Button>
        <Button variant='plain' className={`uploader-action${disabled ? ' btn-disabled' : ''}`} disabled={disabled} aria-label={`删除${label}`} onPress={onRemove}>
          删除
        </Button>
      </View>
    </View>
  );
}
