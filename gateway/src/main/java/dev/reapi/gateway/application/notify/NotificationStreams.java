package dev.reapi.gateway.application.notify;

import dev.reapi.gateway.domain.notify.Notification;
import java.util.function.Consumer;

/**
 * Live feeds of users' notifications, in sequence order and without gaps. Implementations are
 * thread-safe.
 */
public interface NotificationStreams {

    /**
     * Feeds {@code sink} every notification of {@code userId} with a sequence number above {@code
     * afterSeq}: first those already stored, then new ones as they are appended (by any gateway
     * instance). {@code sink} is called from one thread at a time, in order.
     *
     * @return closes the subscription
     */
    AutoCloseable subscribe(String userId, long afterSeq, Consumer<Notification> sink);
}
