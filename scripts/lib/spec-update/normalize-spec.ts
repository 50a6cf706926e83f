import * as prettier from 'prettier'
import { stringify } from 'yaml'

/**
 * Prints an OpenAPI document as YAML in the repository's style: key order as given, block style, no line folding,
 * then prettier with the repository's config. The same document always gives the same text, and normalizing
 * normalized text changes nothing.
 *
 * @param doc - the parsed description
 * @param configFile - a file whose prettier config applies (e.g. the spec's path)
 * @returns the YAML text
 * @example
 * const text = await normalizeSpec(parse(upstreamYaml), 'specs/server-api-v4.yaml')
 */
export async function normalizeSpec(doc: unknown, configFile: string): Promise<string> {
  const raw = stringify(doc, { lineWidth: 0, indent: 2, aliasDuplicateObjects: false })
  const config = (await prettier.resolveConfig(configFile)) ?? {}
  return prettier.format(raw, { ...config, parser: 'yaml', filepath: configFile })
}
