{ include("$jacamo/templates/common-cartago.asl") }
{ include("$jacamo/templates/common-moise.asl") }

+report_ready[source(A)]
    <- .print("report from ", A, " received in the archive");
       .wait(300);
       .stopMAS.
