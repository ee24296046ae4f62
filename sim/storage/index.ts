import type { Controller } from '../engine/types';
import { persistentVolumeController } from './pv-controller';
import { externalProvisioner } from './provision';
import { volumeDataController } from './data';

// The storage area: PersistentVolume, PersistentVolumeClaim and StorageClass (kinds.ts, registered
// by sim/api/kinds/index.ts), the PV controller with pvc/pv protection (pv-controller.ts), the
// simulated external provisioner (provision.ts), where volume data lives (data.ts) and the
// scheduler's VolumeBinding plugin (volume-binding.ts).

export const controllers: readonly Controller[] = [persistentVolumeController, externalProvisioner, volumeDataController];

export { storageKinds } from './kinds';
export { pvcVolumeProjection } from './data';
