@NullMarked
package org.scimengine.demo.testing;

import org.jspecify.annotations.NullMarked;
