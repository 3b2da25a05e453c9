import { POLICY_KEYS, policyKeysFor } from '../policy-keys';
import { admlFile, admxFile } from './admx';
import { firefoxPoliciesFile, linuxPolicyFile, macProfile } from './other-platforms';
import { regFile } from './reg';

export interface TemplateOptions {
  /** The Chrome/Edge extension ID in use: the project's, or the one made from the organisation's key. */
  id: string;
  /** Where the organisation serves update.xml, the CRX and (for Firefox) the signed XPI. */
  baseUrl: string;
  /** The example policy the .reg, Linux, macOS and Firefox files carry (GPO admins set each key instead). */
  policy: Record<string, unknown>;
}

export interface TemplateFile {
  path: string;
  content: string | Uint8Array;
}

/** Every policy template, generated from the one schema for the ID and server in use. */
export function policyTemplateFiles(options: TemplateOptions): TemplateFile[] {
  const updateUrl = new URL('update.xml', options.baseUrl).href;
  const policy = { ...options.policy, [POLICY_KEYS]: policyKeysFor(options.policy) };
  const forPlatform = { id: options.id, updateUrl, policy };
  return [
    { path: 'windows/tatakidai.admx', content: admxFile(options.id) },
    { path: 'windows/ja-JP/tatakidai.adml', content: admlFile('ja-JP', { id: options.id, updateUrl }) },
    { path: 'windows/en-US/tatakidai.adml', content: admlFile('en-US', { id: options.id, updateUrl }) },
    { path: 'windows/tatakidai-chrome.reg', content: regFile({ browser: 'chrome', ...forPlatform }) },
    { path: 'windows/tatakidai-edge.reg', content: regFile({ browser: 'edge', ...forPlatform }) },
    { path: 'linux/tatakidai.json', content: linuxPolicyFile(forPlatform) },
    { path: 'macos/tatakidai.mobileconfig', content: macProfile(forPlatform) },
    {
      path: 'firefox/policies.json',
      content: firefoxPoliciesFile({ xpiUrl: new URL('tatakidai.xpi', options.baseUrl).href, policy }),
    },
  ];
}
