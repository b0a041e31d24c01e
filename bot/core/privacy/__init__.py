"""`/privacy`: a learner's settings, and export or deletion of everything held about them."""
