package org.scimengine.demo.vendor;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.scimengine.core.ResourceRule;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.config.ServiceProviderConfig.AuthenticationScheme;
import org.scimengine.core.spi.ResourceStore;

/** The engine configured like the vendor (seed 002): its schemas, its rules, pages of 1,000. */
public final class VendorEngine {

    /** Seed 002: "count ... (max 1000). Default is 1000." */
    public static final int PAGE_SIZE = 1_000;

    private VendorEngine() {
    }

    /** A builder with the vendor's configuration, for a caller that changes more (a clock, ids). */
    public static ScimEngine.Builder builder(ResourceStore store) {
        ScimEngine.Builder builder = ScimEngine.builder(Objects.requireNonNull(store, "store"))
                .registry(VendorSchemas.registry())
                .pageSizes(PAGE_SIZE, PAGE_SIZE)
                // Seed 002 lists Basic first and Bearer second; OAuth client-credentials tokens are Bearer too.
                .authenticationSchemes(List.of(AuthenticationScheme.httpBasic(true),
                        AuthenticationScheme.oauthBearerToken(false)));
        for (ResourceRule rule : VendorRules.all()) {
            builder.rule(rule);
        }
        return builder;
    }

    /** The engine over a store, with a clock for {@code meta} times. */
    public static ScimEngine create(ResourceStore store, Clock clock) {
        return builder(store).clock(clock).build();
    }
}
