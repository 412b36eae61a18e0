import type { CallDirection } from '../domain/task';
import type { RtcSignal } from './rtc-signal';

/*
 * Runs in the page's MAIN world at document_start, before any page script, so every
 * RTCPeerConnection the softphone makes goes through it. It imports types only: the MAIN-world
 * bundle must not drag zod or anything else into every softphone page.
 */

export interface RtcObserverOptions {
  /**
   * How long a connection may stay `disconnected` before its call counts as ended. ICE recovers
   * from short network blips; a far end that hung up never comes back. The end is dated to the
   * moment it disconnected, not to when the grace ran out.
   */
  disconnectGraceMs?: number;
  now?: () => number;
}

type PeerConnectionClass = typeof RTCPeerConnection;

interface ObservedWindow {
  RTCPeerConnection?: PeerConnectionClass;
  webkitRTCPeerConnection?: PeerConnectionClass;
}

interface ConnectionState {
  audio: boolean;
  /** Who made this connection's first offer, once one was made. */
  offer: CallDirection | null;
  disconnectTimer: ReturnType<typeof setTimeout> | undefined;
  gone: boolean;
}

const INSTALLED = Symbol.for('wrapup.rtc-observer');
const DEFAULT_DISCONNECT_GRACE_MS = 3_000;
const WATCHED_EVENTS = [
  'negotiationneeded',
  'signalingstatechange',
  'track',
  'connectionstatechange',
] as const;

function carriesAudio(connection: RTCPeerConnection): boolean {
  const transceivers =
    typeof connection.getTransceivers === 'function' ? connection.getTransceivers() : [];
  return transceivers.some(
    (transceiver) =>
      transceiver.receiver?.track?.kind === 'audio' || transceiver.sender?.track?.kind === 'audio',
  );
}

/**
 * The DTLS transports a connection's media runs over. The far end hanging up closes them at once
 * (a close_notify alert), while Chrome's connectionState only turns `disconnected` seconds later.
 */
function dtlsTransports(connection: RTCPeerConnection): RTCDtlsTransport[] {
  const transceivers =
    typeof connection.getTransceivers === 'function' ? connection.getTransceivers() : [];
  const transports = transceivers.flatMap((transceiver) => [
    transceiver.sender?.transport,
    transceiver.receiver?.transport,
  ]);
  return transports.filter((transport): transport is RTCDtlsTransport => !!transport);
}

const transportGone = (transport: RTCDtlsTransport) =>
  transport.state === 'closed' || transport.state === 'failed';

function offerSideOptional(connection: RTCPeerConnection): CallDirection | null {
  if (connection.signalingState === 'have-local-offer') return 'outbound';
  if (connection.signalingState === 'have-remote-offer') return 'inbound';
  return null;
}

/** Replaces a property's value keeping its writable/enumerable/configurable flags. */
function replaceValue(target: object, key: PropertyKey, value: unknown): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key) ?? {
    writable: true,
    enumerable: false,
    configurable: true,
  };
  Object.defineProperty(target, key, { ...descriptor, value });
}

/**
 * Wraps `win.RTCPeerConnection` so the calls a softphone makes are seen without any setup: a call
 * starts with the first connection that carries audio and ends when the last such connection is
 * closed (`close()` fires no event, so it is wrapped too), fails, loses its DTLS transport (the
 * far end hung up) or stays disconnected. Several
 * connections alive at once are one call. Connections without audio (data channels, video) are
 * not calls and are ignored.
 *
 * The wrapper is a Proxy of the page's own constructor: `instanceof`, the prototype, static
 * methods such as `generateCertificate`, subclassing and the function's name all behave as before.
 * Nothing the observer does may break the page, so its own failures are caught and logged.
 */
export function installRtcObserver(
  win: Window,
  emit: (signal: RtcSignal) => void,
  options: RtcObserverOptions = {},
): void {
  const host = win as Window & ObservedWindow & { [INSTALLED]?: true };
  const Original = host.RTCPeerConnection;
  if (typeof Original !== 'function' || host[INSTALLED]) return;
  Object.defineProperty(host, INSTALLED, { value: true });

  // Taken now, before page scripts run and can replace them.
  const now = options.now ?? Date.now;
  const setTimer = globalThis.setTimeout;
  const clearTimer = globalThis.clearTimeout;
  const warn = console.warn.bind(console);
  const graceMs = options.disconnectGraceMs ?? DEFAULT_DISCONNECT_GRACE_MS;

  const states = new WeakMap<RTCPeerConnection, ConnectionState>();
  const watchedTransports = new WeakSet<RTCDtlsTransport>();
  /** Connections carrying audio that are still alive: the call lasts while this is not empty. */
  const audioConnections = new Set<RTCPeerConnection>();
  let call: { connected: boolean; direction: CallDirection | null } | null = null;

  const guarded = (action: () => void) => {
    try {
      action();
    } catch (error) {
      warn('[wrapup] WebRTC observer failed', error);
    }
  };
  const signal = (kind: RtcSignal['kind'], at: number) =>
    emit({ kind, at, direction: call?.direction ?? null });

  const finish = (connection: RTCPeerConnection, at: number) => {
    const state = states.get(connection);
    if (!state || state.gone) return;
    state.gone = true;
    clearTimer(state.disconnectTimer);
    if (!audioConnections.delete(connection)) return;
    if (audioConnections.size > 0 || !call) return;
    signal('rtc-ended', at);
    call = null;
  };

  const inspect = (connection: RTCPeerConnection, event: Event) => {
    const state = states.get(connection);
    if (!state || state.gone) return;
    state.offer ??= offerSideOptional(connection);
    const audioTrack = event.type === 'track' && (event as RTCTrackEvent).track?.kind === 'audio';
    if (!state.audio && (audioTrack || carriesAudio(connection))) {
      state.audio = true;
      audioConnections.add(connection);
      if (!call) {
        call = { connected: false, direction: state.offer };
        signal('rtc-started', now());
      }
    }
    if (state.audio && call) call.direction ??= state.offer;

    if (state.audio) {
      for (const transport of dtlsTransports(connection)) {
        if (transportGone(transport)) return finish(connection, now());
        if (watchedTransports.has(transport)) continue;
        watchedTransports.add(transport);
        transport.addEventListener('statechange', () =>
          guarded(() => {
            if (transportGone(transport)) finish(connection, now());
          }),
        );
      }
    }

    const connectionState = connection.connectionState;
    if (connectionState !== 'disconnected' && state.disconnectTimer !== undefined) {
      clearTimer(state.disconnectTimer);
      state.disconnectTimer = undefined;
    }
    if (connectionState === 'connected' && state.audio && call && !call.connected) {
      call.connected = true;
      signal('rtc-connected', now());
    } else if (connectionState === 'failed' || connectionState === 'closed') {
      finish(connection, now());
    } else if (connectionState === 'disconnected' && state.disconnectTimer === undefined) {
      const at = now();
      state.disconnectTimer = setTimer(() => guarded(() => finish(connection, at)), graceMs);
    }
  };

  const observe = (connection: RTCPeerConnection) => {
    states.set(connection, { audio: false, offer: null, disconnectTimer: undefined, gone: false });
    const listener = (event: Event) => guarded(() => inspect(connection, event));
    for (const type of WATCHED_EVENTS) connection.addEventListener(type, listener);
  };

  const Observed = new Proxy(Original, {
    construct(target, args, newTarget) {
      const connection = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
      guarded(() => observe(connection));
      return connection;
    },
  });

  const prototype = Original.prototype;
  const close = Object.getOwnPropertyDescriptor(prototype, 'close')?.value;
  if (typeof close === 'function') {
    replaceValue(
      prototype,
      'close',
      new Proxy(close, {
        apply(target, self: RTCPeerConnection, args) {
          const result = Reflect.apply(target, self, args);
          guarded(() => finish(self, now()));
          return result;
        },
      }),
    );
  }
  // So `pc.constructor === RTCPeerConnection` and `new pc.constructor()` still hold and observe.
  replaceValue(prototype, 'constructor', Observed);
  if (host.webkitRTCPeerConnection === Original) {
    replaceValue(host, 'webkitRTCPeerConnection', Observed);
  }
  replaceValue(host, 'RTCPeerConnection', Observed);
}
