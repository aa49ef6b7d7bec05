/** Test fakes and fixtures shared by every module's tests (controlled clock, pipeline harness). */
package dev.marquee.testkit;
