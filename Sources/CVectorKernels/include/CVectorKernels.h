/* The module's umbrella header. Naming every header here (rather than SwiftPM's umbrella directory) makes a header
   added later invalidate an existing build's cached module ("cannot find 'lotse_bf16_supported'" otherwise). */
#include "lotse_gemm.h"
#include "lotse_vectors.h"
