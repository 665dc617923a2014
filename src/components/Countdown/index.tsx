import { View, Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { countdown } from '@/domain/calendar';
import { formatDeadline } from '@/domain/time';
import './index.css';

interface Props {
  /** Exclusive deadline (ISO). */
  deadline: string;
  /** The server's time now (clock store), never the phone's own clock. */
  now: () => string;
  label?: string;
  /** Called once when the deadline passes while the page is open. */
  onPassed?: () => void;
}

/** A live countdown to a deadline, judged at the server's time (e.g. 民办入学确认 by 6-20 18:00). */
export function Countdown({ deadline, now, label = '距确认截止', onPassed }: Props) {
  const [state, setState] = useState(() => countdown(deadline, now()));
  const told = useRef(false);
  useEffect(() => {
    const tick = () => {
      const next = countdown(deadline, now());
      setState(next);
      if (next.passed && !told.current) {
        told.current = true;
        onPassed?.();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, now, onPassed]);

  return (
    <View className={`countdown${state.passed ? ' countdown-passed' : ''}`} role='timer' aria-live='off'>
      <Text className='countdown-label'>{`${label}（${formatDeadline(deadline)}）`}</Text>
      <Text className='countdown-value'>{state.text}</Text>
    </View>
  );
}
