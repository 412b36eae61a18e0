/*
 * A stand-in for the browser's RTCPeerConnection, as far as the WebRTC observer looks at it. Like
 * the real one, `close()` fires no event; the `simulate*` methods play the browser's part.
 */

export class FakeTrack {
  constructor(readonly kind: 'audio' | 'video') {}
}

export class FakeDtlsTransport extends EventTarget {
  state: RTCDtlsTransportState = 'new';

  simulateState(state: RTCDtlsTransportState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

interface FakeTransceiver {
  sender: { track: FakeTrack | null; transport: FakeDtlsTransport };
  receiver: { track: FakeTrack; transport: FakeDtlsTransport };
}

export function makeFakePeerConnectionClass() {
  return class FakePeerConnection extends EventTarget {
    static generateCertificate = async () => ({ expires: 0 });
    connectionState: RTCPeerConnectionState = 'new';
    signalingState: RTCSignalingState = 'stable';
    readonly transceivers: FakeTransceiver[] = [];
    /** One transport for all media, as with BUNDLE. */
    readonly dtls = new FakeDtlsTransport();
    closeCalls = 0;

    constructor(readonly configuration?: unknown) {
      super();
    }

    addTrack(track: FakeTrack) {
      const transceiver = {
        sender: { track, transport: this.dtls },
        receiver: { track: new FakeTrack(track.kind), transport: this.dtls },
      };
      this.transceivers.push(transceiver);
      this.dispatchEvent(new Event('negotiationneeded'));
      return transceiver.sender;
    }

    createDataChannel(label: string) {
      this.dispatchEvent(new Event('negotiationneeded'));
      return { label };
    }

    getTransceivers() {
      return [...this.transceivers];
    }

    close() {
      this.closeCalls += 1;
      this.connectionState = 'closed';
      this.signalingState = 'closed';
      this.dtls.state = 'closed';
    }

    simulateSignaling(state: RTCSignalingState) {
      this.signalingState = state;
      this.dispatchEvent(new Event('signalingstatechange'));
    }

    /** The far end's offer arrives with its media; our side will answer (an inbound call). */
    simulateRemoteOffer(kind: 'audio' | 'video') {
      const track = new FakeTrack(kind);
      this.transceivers.push({
        sender: { track: null, transport: this.dtls },
        receiver: { track, transport: this.dtls },
      });
      this.simulateSignaling('have-remote-offer');
      this.dispatchEvent(Object.assign(new Event('track'), { track }));
    }

    simulateConnection(state: RTCPeerConnectionState) {
      this.connectionState = state;
      this.dispatchEvent(new Event('connectionstatechange'));
    }
  };
}

export type FakePeerConnectionClass = ReturnType<typeof makeFakePeerConnectionClass>;
export type FakePeerConnection = InstanceType<FakePeerConnectionClass>;

/** A window with nothing but the constructor the observer wraps. */
export function fakeWindow(Peer: FakePeerConnectionClass) {
  return { RTCPeerConnection: Peer } as unknown as Window & {
    RTCPeerConnection: FakePeerConnectionClass;
  };
}
