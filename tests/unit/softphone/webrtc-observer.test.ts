import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RtcSignal } from '../../../lib/softphone/rtc-signal';
import { installRtcObserver } from '../../../lib/softphone/webrtc-observer';
import {
  type FakePeerConnection,
  type FakePeerConnectionClass,
  FakeTrack,
  fakeWindow,
  makeFakePeerConnectionClass,
} from './fake-peer-connection';

describe('installRtcObserver', () => {
  let Original: FakePeerConnectionClass;
  let win: ReturnType<typeof fakeWindow>;
  let signals: RtcSignal[];
  let clock: number;

  beforeEach(() => {
    Original = makeFakePeerConnectionClass();
    win = fakeWindow(Original);
    signals = [];
    clock = 1_000_000;
    installRtcObserver(win, (signal) => signals.push(signal), { now: () => clock });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The page's side of an audio call: looks the constructor up when it needs it, as pages do. */
  const dialOut = () => {
    const connection = new win.RTCPeerConnection() as FakePeerConnection;
    connection.addTrack(new FakeTrack('audio'));
    connection.simulateSignaling('have-local-offer');
    return connection;
  };
  const kinds = () => signals.map((signal) => signal.kind);

  it('keeps RTCPeerConnection the page’s own: prototype, instanceof, statics, name, subclasses', () => {
    const Peer = win.RTCPeerConnection;
    expect(Peer).not.toBe(Original);
    const connection = new Peer({ iceServers: [] });
    expect(connection).toBeInstanceOf(Peer);
    expect(connection).toBeInstanceOf(Original);
    expect(connection).toBeInstanceOf(EventTarget);
    expect(Object.getPrototypeOf(connection)).toBe(Original.prototype);
    expect(Peer.prototype).toBe(Original.prototype);
    expect(connection.constructor).toBe(Peer);
    expect(connection.configuration).toEqual({ iceServers: [] });
    expect(Peer.generateCertificate).toBe(Original.generateCertificate);
    expect(Peer.name).toBe(Original.name);
    expect(() => (Peer as unknown as () => unknown)()).toThrow(TypeError);

    class PageSubclass extends Peer {
      extra = 'kept';
    }
    const sub = new PageSubclass();
    expect(sub).toBeInstanceOf(PageSubclass);
    expect(sub).toBeInstanceOf(Peer);
    expect(sub.extra).toBe('kept');
    sub.addTrack(new FakeTrack('audio'));
    expect(kinds()).toEqual(['rtc-started']);
  });

  it('sees connections made through pc.constructor too', () => {
    const first = new win.RTCPeerConnection();
    const again = new (first.constructor as FakePeerConnectionClass)();
    again.addTrack(new FakeTrack('audio'));
    expect(kinds()).toEqual(['rtc-started']);
  });

  it('R1: reports the end when the page calls close(), which fires no event', () => {
    const connection = dialOut();
    clock += 1_000;
    connection.simulateConnection('connected');
    clock += 60_000;
    connection.close();
    expect(connection.closeCalls).toBe(1);
    expect(signals).toEqual([
      // Audio comes before the offer, so who called is not known yet at the start.
      { kind: 'rtc-started', at: 1_000_000, direction: null },
      { kind: 'rtc-connected', at: 1_001_000, direction: 'outbound' },
      { kind: 'rtc-ended', at: 1_061_000, direction: 'outbound' },
    ]);
  });

  it('R1: reports the far end hanging up, seen as the connection failing or closing', () => {
    for (const state of ['failed', 'closed'] as const) {
      signals = [];
      const connection = dialOut();
      connection.simulateConnection('connected');
      connection.simulateConnection(state);
      expect(kinds()).toEqual(['rtc-started', 'rtc-connected', 'rtc-ended']);
      connection.close();
      expect(kinds()).toHaveLength(3);
    }
  });

  it('R1: reports the far end hanging up as soon as its DTLS transport closes, before ICE notices', () => {
    // Measured in Chromium: the far end's close() closes our DTLS transport within milliseconds,
    // while connectionState only turns 'disconnected' about five seconds later.
    const connection = dialOut();
    connection.simulateConnection('connected');
    clock += 30_000;
    connection.dtls.simulateState('closed');
    expect(signals.at(-1)).toEqual({ kind: 'rtc-ended', at: clock, direction: 'outbound' });
    connection.simulateConnection('disconnected');
    connection.close();
    expect(kinds()).toEqual(['rtc-started', 'rtc-connected', 'rtc-ended']);
  });

  it('waits out a short disconnection; a lasting one ends the call, dated when it disconnected', () => {
    vi.useFakeTimers();
    const observed = fakeWindow(makeFakePeerConnectionClass());
    const seen: RtcSignal[] = [];
    installRtcObserver(observed, (signal) => seen.push(signal), {
      now: () => clock,
      disconnectGraceMs: 3_000,
    });
    const connection = new observed.RTCPeerConnection() as FakePeerConnection;
    connection.addTrack(new FakeTrack('audio'));
    connection.simulateConnection('connected');

    connection.simulateConnection('disconnected');
    vi.advanceTimersByTime(2_000);
    connection.simulateConnection('connected');
    vi.advanceTimersByTime(10_000);
    expect(seen.map((signal) => signal.kind)).toEqual(['rtc-started', 'rtc-connected']);

    clock = 2_000_000;
    connection.simulateConnection('disconnected');
    clock += 3_000;
    vi.advanceTimersByTime(3_000);
    expect(seen.at(-1)).toEqual({ kind: 'rtc-ended', at: 2_000_000, direction: null });
    connection.simulateConnection('failed');
    connection.close();
    expect(seen).toHaveLength(3);
  });

  it('counts two connections alive at once as one call that ends when the last one goes', () => {
    // The demo softphone's loopback call: a caller and a callee connection in the same page.
    const caller = dialOut();
    const callee = new win.RTCPeerConnection() as FakePeerConnection;
    callee.simulateRemoteOffer('audio');
    caller.simulateConnection('connected');
    callee.simulateConnection('connected');
    expect(kinds()).toEqual(['rtc-started', 'rtc-connected']);
    caller.close();
    expect(kinds()).toEqual(['rtc-started', 'rtc-connected']);
    clock += 5;
    callee.close();
    expect(signals.at(-1)).toEqual({ kind: 'rtc-ended', at: clock, direction: 'outbound' });
    expect(kinds()).toHaveLength(3);
  });

  it('ignores connections without audio: data channels and video', () => {
    const data = new win.RTCPeerConnection() as FakePeerConnection;
    data.createDataChannel('chat');
    data.simulateConnection('connected');
    const video = new win.RTCPeerConnection() as FakePeerConnection;
    video.addTrack(new FakeTrack('video'));
    video.simulateRemoteOffer('video');
    video.simulateConnection('connected');
    video.simulateConnection('failed');
    data.close();
    expect(signals).toEqual([]);
  });

  it('does not end an audio call when a connection without audio closes beside it', () => {
    const call = dialOut();
    call.simulateConnection('connected');
    const data = new win.RTCPeerConnection() as FakePeerConnection;
    data.createDataChannel('presence');
    data.close();
    expect(kinds()).toEqual(['rtc-started', 'rtc-connected']);
    call.close();
    expect(kinds()).toEqual(['rtc-started', 'rtc-connected', 'rtc-ended']);
  });

  it('notices audio that only the far end sends, and calls it inbound', () => {
    const connection = new win.RTCPeerConnection() as FakePeerConnection;
    connection.simulateRemoteOffer('audio');
    connection.simulateConnection('connected');
    expect(signals.map((signal) => [signal.kind, signal.direction])).toEqual([
      ['rtc-started', 'inbound'],
      ['rtc-connected', 'inbound'],
    ]);
  });

  it('reports an unanswered call as started and ended, never connected', () => {
    dialOut().close();
    expect(kinds()).toEqual(['rtc-started', 'rtc-ended']);
  });

  it('starts a new call for audio after the previous call ended', () => {
    dialOut().close();
    dialOut().close();
    expect(kinds()).toEqual(['rtc-started', 'rtc-ended', 'rtc-started', 'rtc-ended']);
  });

  it('installs once per window, so a second injection does not report calls twice', () => {
    const Wrapped = win.RTCPeerConnection;
    installRtcObserver(win, (signal) => signals.push(signal));
    expect(win.RTCPeerConnection).toBe(Wrapped);
    dialOut().close();
    expect(kinds()).toEqual(['rtc-started', 'rtc-ended']);
  });

  it('never breaks the page when reporting fails', () => {
    const broken = fakeWindow(makeFakePeerConnectionClass());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installRtcObserver(broken, () => {
      throw new Error('reporting failed');
    });
    const connection = new broken.RTCPeerConnection() as FakePeerConnection;
    expect(() => connection.addTrack(new FakeTrack('audio'))).not.toThrow();
    expect(() => connection.close()).not.toThrow();
    expect(connection.connectionState).toBe('closed');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('leaves a window without WebRTC alone', () => {
    const bare = {} as Window;
    installRtcObserver(bare, (signal) => signals.push(signal));
    expect(bare).toEqual({});
  });
});
