@NullMarked
package org.scimengine.demo.cli;

import org.jspecify.annotations.NullMarked;
