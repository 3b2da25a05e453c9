import { useCallback, useEffect, useState } from 'react';
import {
  gatewayOriginPattern,
  hasGatewayPermission,
  requestGatewayPermission,
} from '../utils/gateway/permission';

/** Whether the browser lets the panel reach the gateway's origin, and a way to ask the user for it. */
export function useGatewayPermission(baseUrl: string) {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (!baseUrl || !gatewayOriginPattern(baseUrl)) return setMissing(false);
    void hasGatewayPermission(baseUrl).then((granted) => setMissing(!granted));
  }, [baseUrl]);
  const request = useCallback(
    () => void requestGatewayPermission(baseUrl).then((granted) => setMissing(!granted)),
    [baseUrl],
  );
  return { missing, request, origin: gatewayOriginPattern(baseUrl) ?? baseUrl };
}
