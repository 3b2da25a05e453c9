import type { ApiFormat, GatewaySettings } from '../../settings/schema';

/**
 * Known gateways as data: what an administrator would otherwise look up in each vendor's documentation.
 * Every value was checked against the documentation listed in `docs`; a field we could not confirm is left
 * empty (or `false`) rather than guessed. docs/gateways.md is the same table for people.
 *
 * `{name}` in `baseUrl` and header values is a placeholder the administrator fills in (see `placeholders`).
 */
export interface GatewayPreset<Id extends string = string> {
  id: Id;
  /** The product's own name. */
  name: string;
  /** The `gateway` settings this gateway needs, except the key itself (source and value stay as they are). */
  gateway: {
    baseUrl: string;
    apiFormat: ApiFormat;
    auth: Pick<GatewaySettings['auth'], 'header' | 'scheme'>;
    headers: Record<string, string>;
    userAttribution: GatewaySettings['userAttribution'];
  };
  placeholders: Record<string, PlaceholderDoc>;
  /** One or two sentences for the options page: what the model ids look like, what to watch for. */
  note: { ja: string; en: string };
  /** Where the values above were checked. */
  docs: string[];
}

export interface PlaceholderDoc {
  ja: string;
  en: string;
  example: string;
}

/** Keeps the preset's id as its literal type, so the registry can derive the id list from the presets. */
export function definePreset<const Id extends string>(preset: GatewayPreset<Id>): GatewayPreset<Id> {
  return preset;
}
