package org.tandem.demo.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.tandem.api.ReadinessCheck;

/**
 * In demo mode, {@code /health} reports "demo" DOWN until {@link DemoDataLoader} has written the accounts
 * and cases. This component has no dependencies, so the check exists as soon as the demo bundle starts
 * (the feature starts it before the store): health can never be UP before the demo data is there, which
 * a script waiting for health relies on. ({@code DemoDataLoader} itself needs intake and the store first.)
 */
@Component(immediate = true)
public class DemoReadiness {

    static final AtomicBoolean LOADED = new AtomicBoolean();

    private ServiceRegistration<ReadinessCheck> registration;

    @Activate
    void activate(BundleContext context) {
        if (!DemoMode.enabled()) {
            return;
        }
        registration = context.registerService(ReadinessCheck.class, new ReadinessCheck() {
            @Override
            public String name() {
                return "demo";
            }

            @Override
            public boolean ready() {
                return LOADED.get();
            }
        }, null);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
        }
    }
}
