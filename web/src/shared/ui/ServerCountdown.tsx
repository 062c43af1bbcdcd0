import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useNow } from '../hooks/useNow';
import { formatRemaining, msUntil } from '../i18n/format';
import { useLang } from '../i18n/useLang';

/** Time left until `target` by the server's clock (`offsetMs` = server − browser), ticking every second; `ended` once it has passed. */
export function ServerCountdown({ target, offsetMs, ended, testId, style }: { target: string; offsetMs: number; ended?: ReactNode; testId?: string; style?: CSSProperties }) {
  const lang = useLang();
  const left = msUntil(target, useNow(), offsetMs);
  return (
    <Typography.Text strong data-testid={testId} style={style}>
      {left === 0 && ended !== undefined ? ended : formatRemaining(left, lang)}
    </Typography.Text>
  );
}
