// Shapes of the bundled schema files (packages/core/schemas/*.json, described in that folder's README and in
// shared/schemas/README.md). The model only reads them; io/schemas/ loads them from disk, tests may pass literals.

/** ecs-flat.json / endpoint.json entry. */
export interface FlatFileEntry {
  readonly type: string;
  readonly description?: string;
  readonly normalize?: readonly string[];
  readonly multi_field_of?: string;
  /** endpoint.json only: Defend-specific field. */
  readonly custom?: boolean;
  /** endpoint.json only: the Defend data streams whose template maps the field. */
  readonly streams?: readonly string[];
}

/** `{ "field.path": "type" }` (dr-endpoint-custom.json, endgame.json, one non-ecs.json entry). */
export type TypeMap = Readonly<Record<string, string>>;

/** beats.json: `{ <beat>: { <field>: {type, module?} } }`, plus a `_source` record of strings. */
export type BeatsFile = Readonly<Record<string, Readonly<Record<string, BeatField | string>>>>;

export interface BeatField {
  readonly type: string;
  readonly module?: string;
}

export interface IntegrationPackage {
  readonly version?: string;
  readonly common: TypeMap;
  readonly streams: Readonly<Record<string, TypeMap>>;
  readonly partial?: boolean;
  readonly extra_sources?: readonly string[];
}

export interface IntegrationsFile {
  readonly _source?: Readonly<Record<string, string>>;
  readonly packages: Readonly<Record<string, IntegrationPackage>>;
}

/** One index-map.json pattern entry. */
export interface IndexMapEntry {
  /** Layer names, lowest precedence first. */
  readonly schemas: readonly string[];
  readonly separate_targets?: readonly string[];
  readonly endpoint_streams?: readonly string[];
  readonly integration_package?: string;
  readonly integration_streams?: readonly string[];
  /** Set when no field list exists for the integration package. */
  readonly missing?: string;
  readonly suggested_proxy?: readonly string[];
  readonly note?: string;
}

export interface IndexMapFile {
  readonly patterns: Readonly<Record<string, IndexMapEntry>>;
  readonly unresolved_patterns?: readonly string[];
}

export type AllowedValuesFile = Readonly<Record<string, readonly { readonly name: string; readonly expected_event_types?: readonly string[] }[]>>;

export interface TypeFamiliesFile {
  readonly types: Readonly<Record<string, { readonly family: string; readonly eql: string | null }>>;
}

/**
 * The parsed bundled files. An implementation may load each property lazily on first access (io/schemas does),
 * so the model touches only the files a query needs.
 */
export interface BundledSchemas {
  readonly ecsFlat: Readonly<Record<string, FlatFileEntry>>;
  readonly ecsAllowedValues: AllowedValuesFile;
  readonly endpoint: Readonly<Record<string, FlatFileEntry>>;
  readonly drEndpointCustom: TypeMap;
  readonly nonEcs: Readonly<Record<string, TypeMap>>;
  readonly beats: BeatsFile;
  readonly endgame: TypeMap;
  readonly integrations: IntegrationsFile;
  readonly indexMap: IndexMapFile;
  readonly typeFamilies: TypeFamiliesFile;
}

/** File name of each bundled property, relative to the schemas folder. */
export const BUNDLED_FILES: Readonly<Record<keyof BundledSchemas, string>> = {
  ecsFlat: 'ecs-flat.json',
  ecsAllowedValues: 'ecs-allowed-values.json',
  endpoint: 'endpoint.json',
  drEndpointCustom: 'dr-endpoint-custom.json',
  nonEcs: 'non-ecs.json',
  beats: 'beats.json',
  endgame: 'endgame.json',
  integrations: 'integrations.json',
  indexMap: 'index-map.json',
  typeFamilies: 'type-families.json',
};
