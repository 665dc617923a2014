import { View, Text } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { pressKey } from '../Pressable';
import { focusSoon } from '../focusSoon';

/** A problem, optionally tied to the field it is about (the field's input id). */
export type SummaryError = string | { message: string; fieldId?: string };

const messageOf = (e: SummaryError) => (typeof e === 'string' ? e : e.message);

/** Moves the focus to a field (H5): the native input inside a Taro Input, else the element itself. */
export function focusField(id: string) {
  // H5 only (the mini-program has no programmatic focus); the DOM is the page there.
  // eslint-disable-next-line no-restricted-globals -- guarded by TARO_ENV === 'h5'
  const host = process.env.TARO_ENV === 'h5' ? globalThis.document?.getElementById(id) : null;
  if (!host) return;
  const target = (host.matches('input, textarea') ? host : host.querySelector('input, textarea')) ?? host;
  (target as HTMLElement).scrollIntoView?.({ block: 'center' });
  (target as HTMLElement).focus();
}

interface Props {
  /** The problems, in Chinese, in the order of the form; nothing is shown when empty. */
  errors: SummaryError[];
  /** Changes on every refused submission (e.g. a counter): focus moves to the summary each time. */
  attempt: number;
  title?: string;
}

/**
 * The list of what stopped a submission, at the top of the form. When a form is refused (by the
 * client's checks or the server's fieldErrors) focus moves here so a screen reader reads it at once
 * and a parent with large type sees it without scrolling. Each problem is also shown beside its field.
 */
export function ErrorSummary({ errors, attempt, title }: Props) {
  const ref = useRef<unknown>(null);
  const shown = errors.length > 0;
  useEffect(() => {
    if (!shown || attempt === 0) return;
    return focusSoon(ref);
  }, [attempt, shown]);
  if (!shown) return null;
  return (
    <View ref={ref} className='banner banner-error error-summary' role='alert' aria-live='assertive' tabIndex={-1} data-testid='error-summary'>
      <View className='banner-title'>
        <Text>{title ?? `【出错了】请修改以下 ${errors.length} 处后再提交，已填写的内容不会丢失`}</Text>
      </View>
      <View role='list'>
        {errors.map((error, i) => {
          const message = messageOf(error);
          const fieldId = typeof error === 'string' ? undefined : error.fieldId;
          return (
            <View key={`${i}-${message}`} role='listitem' className='error-summary-item'>
              {fieldId ? (
                // As govuk-frontend's error summary: each item links to its field and moves the focus there.
                <View className='link error-summary-link' role='link' tabIndex={0} onKeyDown={pressKey} onClick={() => focusField(fieldId)}>
                  {`${i + 1}. ${message}`}
                </View>
              ) : (
                `${i + 1}. ${message}`
              )}
            </View>
          );
        })}
      </View>
    </View>
  );
}
