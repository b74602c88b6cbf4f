@NullMarked
package org.scimengine.demo;

import org.jspecify.annotations.NullMarked;
