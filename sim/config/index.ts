// The config area: Secret and ConfigMap kinds, and (on import) the kubelet's env/volume source.
import './env-source';
export { configKinds } from './kinds';
