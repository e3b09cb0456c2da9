package org.casework.mail.impl.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The context class loader while a message is built and sent. Jakarta Mail and Activation find
 * their providers (the SMTP transport, the mailcap registry, the text and multipart content
 * handlers) through the thread's context class loader and {@code META-INF} resources; inside OSGi
 * that loader sees neither bundle. This one sees the mail bundle first, then Angus Activation, so
 * the lookups work without a service-loader mediator in the container.
 */
final class ProviderClassLoader extends ClassLoader {

    private final ClassLoader activation;

    ProviderClassLoader(ClassLoader mail, ClassLoader activation) {
        super(mail);
        this.activation = activation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return activation.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return activation.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return activation.getResources(name);
    }
}
