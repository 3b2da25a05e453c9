import { useEffect } from 'react';
import { preloadMarkdown } from '../components/Markdown';
import { preloadGatewayFormat } from '../utils/gateway/index';
import type { ApiFormat } from '../utils/settings/schema';

/** What an answer needs (the SDKs in use, Markdown) is loaded once the panel is on screen and idle. */
export function usePreloadAnswerCode(formats: ApiFormat[]) {
  const key = formats.join();
  useEffect(() => {
    if (!key) return;
    const idle = requestIdleCallback(() => {
      void preloadMarkdown();
      for (const format of key.split(',')) preloadGatewayFormat(format as ApiFormat);
    });
    return () => cancelIdleCallback(idle);
  }, [key]);
}
