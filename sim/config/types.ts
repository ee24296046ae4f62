import type { KubeObject } from '../api/types';

// core/v1 Secret and ConfigMap as stored: Secret data values are base64 (JSON's []byte), stringData
// never stored.

export interface Secret extends KubeObject {
  readonly kind: 'Secret';
  readonly type?: string;
  readonly immutable?: boolean;
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
}

export interface ConfigMap extends KubeObject {
  readonly kind: 'ConfigMap';
  readonly immutable?: boolean;
  readonly data?: Readonly<Record<string, string>>;
  readonly binaryData?: Readonly<Record<string, string>>;
}
