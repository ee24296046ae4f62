// A compact description of the fields each kind's Go types declare, enough for the API server's
// strict decoding (unknown fields) and encoding/json's type errors. `any` marks a subtree we do not
// describe field by field: anything is accepted there.

export type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'float64' | 'intstr' | 'quantity' | 'any';

export interface Struct {
  /** The Go type name, as encoding/json names it in errors ("DeploymentSpec"). */
  readonly go: string;
  readonly fields: Readonly<Record<string, FieldType>>;
}
export interface MapOf { readonly map: FieldType }
export interface ListOf { readonly list: FieldType }
export type FieldType = Scalar | Struct | MapOf | ListOf;

export const struct = (go: string, fields: Record<string, FieldType>): Struct => ({ go, fields });
export const mapOf = (t: FieldType): MapOf => ({ map: t });
export const listOf = (t: FieldType): ListOf => ({ list: t });
