import { signal } from '@preact/signals';

export interface SoftphoneStatus {
  id: string;
  name: string;
  granted: boolean;
}

/** How the panel learns and asks which softphone pages Wrapup may watch. */
export interface SoftphoneAccess {
  list(): Promise<SoftphoneStatus[]>;
  request(id: string): Promise<boolean>;
  onChange(listener: () => void): () => void;
}

/** The softphones Wrapup knows, each with whether the agent has let it watch them. */
export function createSoftphoneAccessState(access: SoftphoneAccess) {
  const softphones = signal<SoftphoneStatus[]>([]);
  const refresh = async () => {
    softphones.value = await access.list();
  };
  void refresh();
  const stop = access.onChange(() => void refresh());
  return {
    softphones,
    /** Must run straight from the agent's click: the browser asks only after a user gesture. */
    async allow(id: string) {
      await access.request(id);
      await refresh();
    },
    dispose: stop,
  };
}
