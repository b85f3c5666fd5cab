package org.xinlian.network;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.xinlian.common.DecodingException;

/**
 * One connection: the node handshake after TLS, then delivery of application frames, and the
 * bounded outbound queue. Inbound methods run on the channel's event loop; {@link #send} may be
 * called from any thread.
 */
final class PeerSession extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(PeerSession.class.getName());

  enum State { TLS, AWAIT_HELLO, AWAIT_AUTH, AWAIT_ACCEPTED, ACTIVE, CLOSED }

  private final NettyTransport transport;
  private final Dialer dialer;
  private final FrameDecoder decoder;
  /** The inbound handshake budget this accepted connection holds; null on dialed ones. */
  private final InboundAdmission.Slot slot;
  private Channel channel;
  private State state = State.TLS;
  private ScheduledFuture<?> handshakeTimeout;
  private byte[] localNonce;
  private byte[] remoteNonce;
  private byte[] localTlsCertificate;
  private byte[] remoteTlsCertificate;
  private volatile NodeId peer;
  private volatile boolean registered;
  private int invalidFrames;
  private int queuedMessages;
  private long queuedBytes;

  PeerSession(NettyTransport transport, Dialer dialer, FrameDecoder decoder,
      InboundAdmission.Slot slot) {
    this.transport = transport;
    this.dialer = dialer;
    this.decoder = decoder;
    this.slot = slot;
  }

  boolean dialed() {
    return dialer != null;
  }

  NodeId peer() {
    return peer;
  }

  Channel channel() {
    return channel;
  }

  void markRegistered() {
    registered = true;
  }

  boolean registered() {
    return registered;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    // Known from the start, so a refusal before the connection is active still names it.
    channel = context.channel();
  }

  @Override
  public void channelActive(ChannelHandlerContext context) {
    channel = context.channel();
    handshakeTimeout = context.executor().schedule(
        () -> refuse(RefusalReason.HANDSHAKE_TIMEOUT,
            "no handshake within " + transport.limits().handshakeTimeoutMillis() + " ms"),
        transport.limits().handshakeTimeoutMillis(), TimeUnit.MILLISECONDS);
    context.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof SslHandshakeCompletionEvent completion) {
      if (completion.isSuccess()) {
        tlsEstablished(context);
      } else if (state == State.TLS) {
        HandshakeRefusal refusal = HandshakeRefusal.find(completion.cause());
        if (completion.cause() instanceof io.netty.handler.ssl.SslHandshakeTimeoutException) {
          refuse(RefusalReason.HANDSHAKE_TIMEOUT, "TLS handshake did not finish in time");
        } else if (refusal != null) {
          refuse(refusal.reason(), refusal.getMessage());
        } else if (receivedAlert(completion.cause())) {
          refuse(RefusalReason.REFUSED_BY_PEER, String.valueOf(completion.cause().getMessage()));
        } else if (completion.cause() instanceof java.nio.channels.ClosedChannelException) {
          refuse(RefusalReason.TLS_FAILURE, "closed by the peer during the TLS handshake");
        } else {
          refuse(RefusalReason.TLS_FAILURE, String.valueOf(completion.cause()));
        }
      }
      return;
    }
    context.fireUserEventTriggered(event);
  }

  /**
   * The JDK reports an alert from the other side only in its message; BouncyCastle's TLS (gm
   * chains) as its own exception type.
   */
  private static boolean receivedAlert(Throwable failure) {
    if (GmTls.isAlertFromPeer(failure)) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof javax.net.ssl.SSLException
          && String.valueOf(cause.getMessage()).startsWith("Received fatal alert")) {
        return true;
      }
    }
    return false;
  }

  private void tlsEstablished(ChannelHandlerContext context) {
    if (state != State.TLS) {
      return;
    }
    SslHandler ssl = context.pipeline().get(SslHandler.class);
    Certificate[] peerCertificates;
    try {
      peerCertificates = ssl.engine().getSession().getPeerCertificates();
      remoteTlsCertificate = peerCertificates[0].getEncoded();
      localTlsCertificate = transport.credentials().transportCertificate().getEncoded();
    } catch (SSLPeerUnverifiedException e) {
      refuse(RefusalReason.NO_CERTIFICATE, "the peer presented no TLS certificate");
      return;
    } catch (CertificateEncodingException e) {
      refuse(RefusalReason.TRANSPORT_INVALID, "TLS certificate cannot be encoded: " + e.getMessage());
      return;
    }
    localNonce = transport.nonce();
    state = State.AWAIT_HELLO;
    writeControl(NodeHandshake.encodeHello(localNonce));
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    if (state == State.CLOSED) {
      return;
    }
    if (state == State.TLS) {
      SslHandler ssl = context.pipeline().get(SslHandler.class);
      if (ssl != null && ssl.handshakeFuture().isSuccess()) {
        tlsEstablished(context);
      }
    }
    if (message instanceof Frames.Invalid invalid) {
      invalidFrame(invalid.problem(), invalid.fatal());
    } else if (message instanceof Frames.Inbound frame) {
      try {
        switch (state) {
          case AWAIT_HELLO -> hello(frame);
          case AWAIT_AUTH -> auth(frame);
          case AWAIT_ACCEPTED -> accepted(frame);
          case ACTIVE -> deliver(frame);
          default -> refuse(RefusalReason.PROTOCOL_VIOLATION, "data before the TLS handshake");
        }
      } catch (DecodingException e) {
        refuse(RefusalReason.PROTOCOL_VIOLATION, e.getMessage());
      }
    }
  }

  private void hello(Frames.Inbound frame) {
    requireControl(frame, "hello");
    remoteNonce = NodeHandshake.decodeHello(frame.payload()).nonce();
    byte[] transcript = NodeHandshake.transcript(
        dialed(), localTlsCertificate, remoteTlsCertificate, localNonce, remoteNonce);
    state = State.AWAIT_AUTH;
    writeControl(NodeHandshake.encodeAuth(
        NodeHandshake.authenticate(transport.credentials(), transcript)));
  }


  private void auth(Frames.Inbound frame) {
    requireControl(frame, "auth");
    NodeHandshake.Auth auth = NodeHandshake.decodeAuth(frame.payload());
    byte[] transcript = NodeHandshake.transcript(
        !dialed(), remoteTlsCertificate, localTlsCertificate, remoteNonce, localNonce);
    NodeId authenticated;
    try {
      authenticated = NodeHandshake.verify(transport.credentials(), auth, transcript,
          transport.clock().currentTimeMillis(), transport.allowedPeers(), transport.revokedPeers());
    } catch (HandshakeRefusal refusal) {
      if (refusal.reason() == RefusalReason.SELF_CONNECTION && dialer != null) {
        dialer.stop();
      }
      if (refusal.reason() == RefusalReason.REVOKED && dialer != null) {
        // Until allowPeers admits someone again (NETWORK-22).
        dialer.suspend();
      }
      refuse(refusal.reason(), refusal.getMessage());
      return;
    }
    peer = authenticated;
    if (!transport.reservePeer(this, authenticated)) {
      refuse(RefusalReason.PEER_LIMIT, "node " + authenticated + " is not connected and "
          + transport.limits().peersMax() + " peers are");
      return;
    }
    if (dialer != null) {
      dialer.authenticated(authenticated);
    }
    state = State.AWAIT_ACCEPTED;
    writeControl(NodeHandshake.encodeAccepted());
  }

  /**
   * The peer accepted us too. Only now is the connection active, so neither side ever reports a
   * peer that the other side refused.
   */
  private void accepted(Frames.Inbound frame) {
    requireControl(frame, "accepted");
    NodeHandshake.decodeAccepted(frame.payload());
    handshakeTimeout.cancel(false);
    state = State.ACTIVE;
    if (slot != null) {
      slot.authenticated();
    }
    decoder.frameBytesMax(transport.limits().frameBytesMax());
    LOG.log(System.Logger.Level.DEBUG, "P2P {0} authenticated {1} ({2})",
        transport.localId(), peer, dialed() ? "dialed" : "accepted");
    transport.register(this);
  }

  private void requireControl(Frames.Inbound frame, String expected) {
    if (frame.channel() != Frames.CONTROL_CHANNEL) {
      throw new DecodingException("handshake." + expected,
          "application channel " + frame.channel() + " before authentication");
    }
  }

  private void deliver(Frames.Inbound frame) {
    if (frame.channel() == Frames.CONTROL_CHANNEL) {
      invalidFrame("frame.channel: control message after the handshake", false);
      return;
    }
    transport.delivered(this, frame);
  }

  private void invalidFrame(String problem, boolean fatal) {
    transport.counters().droppedInbound.increment();
    if (state != State.ACTIVE) {
      refuse(RefusalReason.PROTOCOL_VIOLATION, problem);
      return;
    }
    invalidFrames++;
    if (fatal || invalidFrames >= transport.limits().invalidFramesMax()) {
      transport.counters().disconnectedForInvalidFrames.increment();
      LOG.log(System.Logger.Level.WARNING,
          "P2P disconnecting {0} at {1}: {2} invalid frame(s), last: {3}",
          peer, channel.remoteAddress(), invalidFrames, problem);
      state = State.CLOSED;
      channel.close();
    } else {
      LOG.log(System.Logger.Level.DEBUG, "P2P dropped a frame from {0}: {1}", peer, problem);
    }
  }

  /**
   * Counts a refusal, logs it at a bounded rate ({@link RefusalLog}) and closes the connection;
   * the first reason wins.
   */
  void refuse(RefusalReason reason, String detail) {
    if (state == State.CLOSED || state == State.ACTIVE) {
      return;
    }
    state = State.CLOSED;
    transport.counters().refused(reason);
    transport.refusalLog().refused(transport.localId(), reason, dialed(),
        dialer != null ? dialer.address() : channel == null ? "?" : channel.remoteAddress(),
        detail);
    if (channel != null) {
      channel.close();
    }
  }

  /** Closes a connection that lost duplicate resolution; not a refusal. */
  void closeDuplicate() {
    state = State.CLOSED;
    channel.close();
  }

  /**
   * Closes the connection of a peer revoked after it authenticated (NETWORK-22); its later
   * handshakes are refused with {@link RefusalReason#REVOKED}.
   */
  void closeRevoked() {
    state = State.CLOSED;
    channel.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    if (handshakeTimeout != null) {
      handshakeTimeout.cancel(false);
    }
    State previous = state;
    state = State.CLOSED;
    if (previous == State.AWAIT_HELLO || previous == State.AWAIT_AUTH
        || previous == State.AWAIT_ACCEPTED) {
      transport.refusalLog().closedInHandshake(
          transport.localId(), dialed(), channel.remoteAddress());
    }
    transport.closed(this);
    if (dialer != null) {
      dialer.ended();
    }
    context.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "P2P connection {0}: {1}",
        context.channel().remoteAddress(), cause.toString());
    if (state != State.ACTIVE && state != State.CLOSED) {
      HandshakeRefusal refusal = HandshakeRefusal.find(cause);
      if (refusal != null) {
        refuse(refusal.reason(), refusal.getMessage());
      } else {
        refuse(receivedAlert(cause) ? RefusalReason.REFUSED_BY_PEER : RefusalReason.TLS_FAILURE,
            cause.toString());
      }
    }
    context.close();
  }

  private void writeControl(byte[] payload) {
    channel.writeAndFlush(Frames.encode(channel.alloc(), Frames.CONTROL_CHANNEL, payload));
  }

  /**
   * Queues an application message, or drops it when the queue is full: the newest message is
   * the one dropped (tail drop), so the caller learns at once and nothing already queued is lost.
   */
  boolean send(int channelNumber, byte[] payload) {
    int wireBytes = Frames.wireBytes(payload.length);
    synchronized (this) {
      if (queuedMessages + 1 > transport.limits().outboundQueueMessagesMax()
          || queuedBytes + wireBytes > transport.limits().outboundQueueBytesMax()) {
        transport.counters().droppedOutbound.increment();
        return false;
      }
      queuedMessages++;
      queuedBytes += wireBytes;
    }
    channel.writeAndFlush(Frames.encode(channel.alloc(), channelNumber, payload))
        .addListener(future -> {
          synchronized (this) {
            queuedMessages--;
            queuedBytes -= wireBytes;
          }
          if (future.isSuccess()) {
            transport.counters().messagesOut.increment();
            transport.counters().bytesOut.add(wireBytes);
          } else {
            transport.counters().droppedOutbound.increment();
          }
        });
    return true;
  }
}
