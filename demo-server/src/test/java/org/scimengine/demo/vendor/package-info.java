@NullMarked
package org.scimengine.demo.vendor;

import org.jspecify.annotations.NullMarked;
