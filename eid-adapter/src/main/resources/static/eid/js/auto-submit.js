// Sends the handover form at once; without JavaScript the visible button does the same.
document.querySelectorAll('form[data-auto-submit="true"]').forEach(function (form) { form.submit(); });
