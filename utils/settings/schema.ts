import { z } from 'zod';

/**
 * The settings a user (and, in a later slice, an administrator's policy) can give. The shape follows the
 * policy contract in DESIGN.md so that policy keys map one to one onto what the user can set here.
 */
export const apiFormatSchema = z.enum(['openai', 'anthropic']);
export type ApiFormat = z.infer<typeof apiFormatSchema>;

export const uiLanguageSchema = z.enum(['auto', 'ja', 'en']);
export type UiLanguagePreference = z.infer<typeof uiLanguageSchema>;

export const modelSchema = z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  purpose: z.string().optional(),
  apiFormat: apiFormatSchema.optional(),
  baseUrl: z.string().optional(),
});
export type ModelEntry = z.infer<typeof modelSchema>;

export const gatewaySchema = z.object({
  baseUrl: z.string(),
  apiFormat: apiFormatSchema,
  auth: z.object({
    /** Header that carries the key; empty means the format's usual one. */
    header: z.string(),
    /** Written before the key, e.g. "Bearer"; empty for none. */
    scheme: z.string(),
    source: z.enum(['user', 'policy', 'none']),
  }),
  headers: z.record(z.string(), z.string()),
});
export type GatewaySettings = z.infer<typeof gatewaySchema>;

export const settingsSchema = z.object({
  gateway: gatewaySchema,
  apiKey: z.string(),
  models: z.array(modelSchema),
  defaultModel: z.string(),
  uiLanguage: uiLanguageSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  gateway: {
    baseUrl: '',
    apiFormat: 'openai',
    auth: { header: '', scheme: '', source: 'user' },
    headers: {},
  },
  apiKey: '',
  models: [],
  defaultModel: '',
  uiLanguage: 'auto',
};
