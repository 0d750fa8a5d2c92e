// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace volley {

class TargetContext;

/// Runs one SSH target from start to end: connect, check the host key,
/// authenticate, then each command on a channel of its own over the one
/// connection. Blocking libssh code meant for a pool thread; the session lives
/// and dies inside this call. Reports everything through the context and
/// always ends with TargetContext::finish().
void runSshTarget(TargetContext &context);

} // namespace volley
