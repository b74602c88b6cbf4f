/** The vendor's SCIM configuration: its schemas, its rules for users, and the engine built from them. */
@NullMarked
package org.scimengine.demo.vendor;

import org.jspecify.annotations.NullMarked;
