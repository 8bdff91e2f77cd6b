// Restates its price to every buyer each round, the round number in the content.
!round(1).
+!round(R) : R <= 3 <- P = 10 + R; .send(buyer1, tell, price(apple, R, P)); .send(buyer2, tell, price(apple, R, P));
    .wait(200); !round(R + 1).
+!round(_) <- .wait(300); .stopMAS.
