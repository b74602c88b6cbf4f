/**
 * The store contract suite, published in scim-core's test-jar: {@link
 * org.scimengine.core.spi.contract.ResourceStoreContract} and its fixtures.
 */
@NullMarked
package org.scimengine.core.spi.contract;

import org.jspecify.annotations.NullMarked;
