//! Segmentation scoring against UD treebanks. PLACEHOLDER.
