/**
 * Text files from Japanese offices come in UTF-8 (with or without a BOM) or Shift_JIS, which Excel still
 * writes for "CSV". Strict UTF-8 fails on Shift_JIS bytes, so that failure is the detection; `shift_jis`
 * in TextDecoder is the WHATWG one (Windows-31J), the variant Windows writes, in browsers and Node alike.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}
